using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Grapevine.Core.Authenticity;

namespace Grapevine.Cli.Commands;

/// <summary>
/// <c>grapevine authenticity train|evaluate</c>: trains the follower classifier on anyone's labelled profiles,
/// cross-validates it, or scores a saved model on new data. Bad data exits 1 with the line and column.
/// </summary>
public static class AuthenticityCommand
{
    public static Command Create()
    {
        var command = new Command("authenticity", "Train and evaluate the follower classifier that tells fake (bot or bought) profiles from real ones (docs/authenticity.md).");
        command.Subcommands.Add(CreateTrain());
        command.Subcommands.Add(CreateEvaluate());
        return command;
    }

    private static Command CreateTrain()
    {
        var data = new DataOptions();
        var output = new Option<string>("--out") { Description = "Where to write the model (.zip).", Required = true };
        var command = new Command("train", "Train a model on labelled profiles; the threshold is chosen by cross-validation on the training data.");
        data.AddTo(command);
        command.Options.Add(output);
        command.SetAction((result, ct) => CliRunner.RunAsync(() => data.NamingTheFile(result, () =>
        {
            var profiles = data.Read(result, required: null);
            var model = AuthenticityTrainer.Train(profiles, data.Settings(result));
            var path = result.GetValue(output)!;
            using (var stream = File.Create(path))
                model.Save(stream);
            if (result.GetValue(GlobalOptions.Json))
            {
                Console.WriteLine(JsonSerializer.Serialize(new
                {
                    rows = profiles.IsFake.Length,
                    positives = profiles.Positives,
                    threshold = model.Threshold,
                    features = model.Schema.FeatureNames,
                    description = model.Description,
                    model = path,
                }, CliJson.Options));
            }
            else
            {
                Console.WriteLine($"Model written to {path}");
                Console.WriteLine(model.Description);
                Console.WriteLine($"Features: {string.Join(", ", model.Schema.FeatureNames)}");
            }
            return Task.FromResult(ExitCodes.Success);
        })));
        return command;
    }

    private static Command CreateEvaluate()
    {
        var data = new DataOptions();
        var folds = new Option<int>("--folds") { Description = "Folds of the stratified cross-validation.", DefaultValueFactory = _ => 10 };
        var modelPath = new Option<string?>("--model") { Description = "Score this saved model on the data instead of cross-validating." };
        var command = new Command("evaluate",
            "Measure the classifier: stratified k-fold cross-validation on the data (each fold scored by a model trained on the others), " +
            "or, with --model, a saved model scored on new data.");
        data.AddTo(command);
        command.Options.Add(folds);
        command.Options.Add(modelPath);
        command.SetAction((result, ct) => CliRunner.RunAsync(() => data.NamingTheFile(result, () =>
        {
            BinaryMetrics metrics;
            int? foldCount = null;
            float threshold;
            var path = result.GetValue(modelPath);
            var foldsGiven = result.GetResult(folds) is { Implicit: false };
            if (path is not null && foldsGiven)
                throw new CliUsageException("--folds is for cross-validation; with --model the saved model is scored as it is");
            if (path is null && result.GetValue(folds) is var k && k is < 2 or > 100)
                throw new CliUsageException($"--folds must be between 2 and 100, not {k}");
            if (path is not null)
            {
                if (!File.Exists(path))
                    throw new CliUsageException($"model file not found: {path}");
                AuthenticityModel model;
                try
                {
                    using var stream = File.OpenRead(path);
                    model = AuthenticityModel.Load(stream);
                }
                catch (AuthenticityDataException e)
                {
                    throw new InvalidOperationException($"{path}: {e.Message}"); // the model file, not the data, is at fault
                }
                var profiles = data.Read(result, model.Schema);
                var probabilities = new float[profiles.Profiles.Count];
                model.PredictFakeProbabilities(profiles.Profiles, probabilities);
                threshold = model.Threshold;
                metrics = BinaryMetrics.Compute(probabilities, profiles.IsFake, [.. Enumerable.Repeat(threshold, probabilities.Length)]);
            }
            else
            {
                var profiles = data.Read(result, required: null);
                var cv = CrossValidation.Run(profiles, result.GetValue(folds), data.Settings(result));
                metrics = cv.Metrics;
                foldCount = cv.Folds;
                threshold = cv.Threshold;
            }
            Print(metrics, foldCount, threshold, result.GetValue(GlobalOptions.Json));
            return Task.FromResult(ExitCodes.Success);
        })));
        return command;
    }

    private static void Print(BinaryMetrics m, int? folds, float threshold, bool json)
    {
        if (json)
        {
            Console.WriteLine(JsonSerializer.Serialize(new
            {
                rows = m.Rows,
                positives = m.Positives,
                folds,
                accuracy = Round(m.Accuracy),
                precision = Round(m.Precision),
                recall = Round(m.Recall),
                f1 = Round(m.F1),
                mcc = Round(m.Mcc),
                auc = double.IsNaN(m.Auc) ? (double?)null : Round(m.Auc),
                threshold = Round(threshold),
            }, CliJson.Options));
            return;
        }
        var how = folds is { } k ? $"{k}-fold stratified cross-validation" : "the saved model on this data";
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"""
            {how}: {m.Rows} profiles, {m.Positives} fake
              accuracy  {m.Accuracy:P2}
              precision {m.Precision:P2}
              recall    {m.Recall:P2}
              F1        {m.F1:0.0000}
              MCC       {m.Mcc:0.0000}
              AUC       {m.Auc:0.0000}
              threshold {threshold:0.0000}{(folds is null ? "" : " (mean of the folds')")}
            """));
    }

    private static double Round(double value) => Math.Round(value, 6);

    /// <summary>The options train and evaluate share: the file and how to read its columns.</summary>
    private sealed class DataOptions
    {
        private readonly Option<string> _data = new("--data") { Description = "Labelled profiles: CSV with a header, a JSON array of objects, or JSON Lines.", Required = true };
        private readonly Option<string> _label = new("--label") { Description = "The label column: TRUE/FALSE, true/false, 1/0 or yes/no, true meaning fake.", Required = true };
        private readonly Option<string?> _positive = new("--positive") { Description = "Comma-separated label values that mean fake, when the label column holds classes." };
        private readonly Option<string[]> _map = new("--map")
        {
            Description = $"FIELD=COLUMN, repeatable. Fields: {FollowerFields.MapNames}. A field not mapped is read from a column of its own name, if any.",
            Arity = ArgumentArity.ZeroOrMore,
        };
        private readonly Option<string[]> _extra = new("--extra") { Description = "Comma-separated extra numeric or boolean columns, used as they are.", Arity = ArgumentArity.ZeroOrMore };
        private readonly Option<int> _seed = new("--seed") { Description = "Seed of the folds and the trainer; the same seed gives the same model.", DefaultValueFactory = _ => 42 };
        private readonly Option<string> _trainer = new("--trainer") { Description = "lightgbm or fasttree.", DefaultValueFactory = _ => "lightgbm" };
        private readonly Option<bool> _balance = new("--balance-classes") { Description = "Weight fakes up so both classes weigh the same (the threshold handles imbalance anyway)." };
        private readonly Option<int> _bags = new("--bags") { Description = "How many bagged ensembles to average (1 to 20).", DefaultValueFactory = _ => new TrainerSettings().Bags };

        public void AddTo(Command command)
        {
            _trainer.AcceptOnlyFromAmong("lightgbm", "fasttree");
            foreach (var option in new Option[] { _data, _label, _positive, _map, _extra, _seed, _trainer, _balance, _bags })
                command.Options.Add(option);
        }

        public TrainerSettings Settings(ParseResult result)
        {
            var bags = result.GetValue(_bags);
            if (bags is < 1 or > 20)
                throw new CliUsageException($"--bags must be between 1 and 20, not {bags}");
            return new TrainerSettings(
                result.GetValue(_trainer) == "fasttree" ? TrainerKind.FastTree : TrainerKind.LightGbm,
                result.GetValue(_seed),
                result.GetValue(_balance),
                bags);
        }

        /// <summary>Runs the command; a problem with the data is reported with the file's name in front.</summary>
        public Task<int> NamingTheFile(ParseResult result, Func<Task<int>> body)
        {
            try
            {
                return body();
            }
            catch (AuthenticityDataException e)
            {
                throw new AuthenticityDataException($"{result.GetValue(_data)}: {e.Message}");
            }
        }

        public LabelledProfiles Read(ParseResult result, FeatureSchema? required)
        {
            var path = result.GetValue(_data)!;
            if (!File.Exists(path))
                throw new CliUsageException(Directory.Exists(path) ? $"'{path}' is a folder, not a file" : $"file not found: {path}");
            var map = new List<KeyValuePair<string, string>>();
            foreach (var pair in result.GetValue(_map) ?? [])
            {
                var equals = pair.IndexOf('=');
                if (equals <= 0 || equals == pair.Length - 1)
                    throw new CliUsageException($"--map {pair}: expected FIELD=COLUMN");
                var field = pair[..equals].Trim();
                if (!FollowerFields.ByMapName.ContainsKey(field))
                    throw new CliUsageException($"--map {pair}: unknown field '{field}'; the fields are: {FollowerFields.MapNames}");
                map.Add(new(field, pair[(equals + 1)..]));
            }
            var extras = (result.GetValue(_extra) ?? []).SelectMany(e => e.Split(',')).Select(e => e.Trim()).Where(e => e.Length > 0).ToList();
            var positive = (result.GetValue(_positive) ?? "").Split(',').Select(p => p.Trim()).Where(p => p.Length > 0).ToList();
            var options = new ColumnOptions(result.GetValue(_label), positive, map, extras);
            return LabelledProfiles.From(RecordTable.Read(path), options, required);
        }
    }
}
