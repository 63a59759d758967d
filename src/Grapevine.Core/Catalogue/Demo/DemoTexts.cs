namespace Grapevine.Core.Catalogue.Demo;

/// <summary>Phrases the demo's captions, bios and comments are assembled from.</summary>
internal static class DemoTexts
{
    public static readonly string[] Emojis = ["✨", "💛", "🙌", "🌿", "🔥", "☀️", "💫", "🤍", "👀", "🌸", "😊", "💪"];

    public static readonly string[] Fillers =
    [
        "Which one is your favourite?", "Let me know in the comments 👇", "Swipe for more.", "Save this for later!",
        "More on my stories.", "Honestly so happy with how this turned out.", "Tag someone who needs this.",
        "Full details in my bio.", "What should I try next?", "Slow Sunday energy.", "Who else?",
        "Thank you for 2 years of support 🥹", "Part two coming soon.", "Trying something new today.",
    ];

    public static readonly string[] GenericHashtags = ["instagood", "photooftheday", "explore", "reels", "fyp", "love", "weekend", "inspiration", "daily", "newpost"];

    public static readonly IReadOnlyDictionary<string, string[]> LocalFrames = new Dictionary<string, string[]>
    {
        ["de"] = ["Mein Lieblings-{0} gerade {1}", "Neuer Beitrag rund um {0}! {1}", "Heute gibt's {0} {1}", "Was haltet ihr von diesem {0}? {1}", "Kleines {0}-Update {1}"],
        ["fr"] = ["Mon {0} préféré du moment {1}", "Nouveau post : {0} ! {1}", "Aujourd'hui, on parle {0} {1}", "Vous en pensez quoi de ce {0} ? {1}", "Petit update {0} {1}"],
        ["es"] = ["Mi {0} favorito ahora mismo {1}", "¡Nuevo post de {0}! {1}", "Hoy toca {0} {1}", "¿Qué os parece este {0}? {1}", "Pequeño update de {0} {1}"],
        ["it"] = ["Il mio {0} preferito del momento {1}", "Nuovo post: {0}! {1}", "Oggi si parla di {0} {1}", "Che ne pensate di questo {0}? {1}", "Piccolo aggiornamento {0} {1}"],
        ["pt"] = ["Meu {0} favorito do momento {1}", "Post novo de {0}! {1}", "Hoje tem {0} {1}", "O que vocês acham desse {0}? {1}", "Atualização de {0} {1}"],
    };

    public static readonly IReadOnlyDictionary<string, string[]> LocalFillers = new Dictionary<string, string[]>
    {
        ["de"] = ["Schreibt mir in die Kommentare 👇", "Speichert euch den Beitrag!", "Mehr in meiner Story."],
        ["fr"] = ["Dites-moi tout en commentaire 👇", "Enregistrez ce post !", "Plus de détails en story."],
        ["es"] = ["Contadme en comentarios 👇", "¡Guárdalo para después!", "Más en mis stories."],
        ["it"] = ["Scrivetemi nei commenti 👇", "Salvate il post!", "Altro nelle mie storie."],
        ["pt"] = ["Me contem nos comentários 👇", "Salva esse post!", "Mais nos stories."],
    };

    public static readonly IReadOnlyDictionary<string, string> LocalHello = new Dictionary<string, string>
    {
        ["de"] = "Hallo aus",
        ["fr"] = "Bonjour de",
        ["es"] = "Hola desde",
        ["it"] = "Ciao da",
        ["pt"] = "Olá de",
        ["nl"] = "Hoi uit",
        ["sv"] = "Hej från",
        ["hi"] = "Namaste from",
    };

    public static readonly IReadOnlyDictionary<string, string[]> Cities = new Dictionary<string, string[]>
    {
        ["US"] = ["Austin", "Brooklyn", "Denver", "Portland", "Chicago", "San Diego", "Nashville", "Seattle"],
        ["GB"] = ["London", "Manchester", "Bristol", "Leeds", "Brighton", "Edinburgh"],
        ["DE"] = ["Berlin", "Hamburg", "München", "Köln", "Leipzig", "Frankfurt"],
        ["FR"] = ["Paris", "Lyon", "Marseille", "Bordeaux", "Nantes", "Lille"],
        ["ES"] = ["Madrid", "Barcelona", "Valencia", "Sevilla", "Bilbao", "Málaga"],
        ["IT"] = ["Milano", "Roma", "Torino", "Bologna", "Napoli", "Firenze"],
        ["BR"] = ["São Paulo", "Rio de Janeiro", "Curitiba", "Belo Horizonte", "Recife", "Florianópolis"],
        ["IN"] = ["Mumbai", "Delhi", "Bengaluru", "Pune", "Chennai", "Hyderabad"],
        ["CA"] = ["Toronto", "Montréal", "Vancouver", "Calgary", "Ottawa"],
        ["AU"] = ["Sydney", "Melbourne", "Brisbane", "Perth", "Adelaide"],
        ["NL"] = ["Amsterdam", "Rotterdam", "Utrecht", "Den Haag", "Eindhoven"],
        ["SE"] = ["Stockholm", "Göteborg", "Malmö", "Uppsala"],
        ["MX"] = ["Ciudad de México", "Guadalajara", "Monterrey", "Puebla"],
        ["IE"] = ["Dublin", "Cork", "Galway"],
        ["AT"] = ["Wien", "Graz", "Salzburg"],
        ["CH"] = ["Zürich", "Genève", "Basel", "Bern"],
    };

    public static readonly string[] Promotions =
    [
        "Loving my new {product} from @{brand}!",
        "Been using the {product} by @{brand} for two weeks now and I'm hooked.",
        "The {product} from @{brand} made this so much easier.",
        "Finally tried the {product} everyone is talking about, by @{brand}.",
        "My honest thoughts on the @{brand} {product}: worth it.",
    ];

    public static readonly string[] CallsToAction =
    [
        "Use code {code} for 15% off 💛", "Link in bio to shop.", "Code {code} gets you 20% off this week.",
        "Swipe up in my stories for the link.", "Get yours with my code {code}.",
    ];

    public static readonly string[] ProperOpeners = ["#ad", "#ad |", "Ad:", "#sponsored", "Paid partnership with @{brand}."];

    public static readonly string[] VagueTags = ["#spon", "#sp", "#collab", "#partner", "#thanks"];

    public static readonly string[] OrganicMentions = ["wearing @{brand}", "shot with my @{brand} favourite", "(not sponsored, I just love @{brand})", "with my trusty @{brand}"];

    public static readonly string[] GenericComments =
    [
        "Love this! 😍", "Amazing 🔥", "So beautiful ❤️", "Wow", "Great post!", "👏👏👏", "🔥🔥🔥", "😍😍😍", "Nice pic",
        "Awesome content", "Beautiful ✨", "Stunning!", "Perfect 👌", "Cool 😎", "❤️❤️❤️", "Nice", "Wow amazing", "👍",
    ];

    public static readonly string[] CommentOpeners = ["Omg ", "Honestly, ", "Wow, ", "Ahh ", "Okay ", "Yes! ", "Ok but "];

    public static readonly string[] PersonalComments =
    [
        "Love this, {name}!", "So good {name} 👏", "You never miss, {name}", "{name} this is everything", "Proud of you {name}!",
        "Been following since day one, {name}, love seeing this", "Thanks for always keeping it real {name}", "Missed your posts {name}!",
    ];

    public static readonly string[] BotComments =
    [
        "Great content! DM us to collaborate 💰", "Send this pic to @glowup.feature.page to get featured 🙌",
        "Promote it on @boostmyreach.daily 📈", "Hey! We'd love to work with you, check your DMs ✉️",
        "Nice feed! Check my page 🔥", "Want more followers? Visit our profile 🚀", "Hi dear, we have a collab offer, DM us",
    ];

    public static readonly string[] StoryTexts = ["New post is up 👆", "Q&A tonight!", "Link in bio", "Behind the scenes", "Poll: A or B?", "Good morning ☀️", "Swipe up"];
}
