namespace Grapevine.Core.Catalogue.Demo;

/// <summary>Where demo creators live, which language they post in, and the names they go by.</summary>
public static class DemoCountries
{
    public sealed record Country(string Code, int Weight, (string Language, int Weight)[] Languages);

    public static readonly IReadOnlyList<Country> All =
    [
        new("US", 27, [("en", 92), ("es", 8)]),
        new("GB", 9, [("en", 100)]),
        new("DE", 8, [("de", 90), ("en", 10)]),
        new("FR", 7, [("fr", 95), ("en", 5)]),
        new("ES", 6, [("es", 95), ("en", 5)]),
        new("IT", 6, [("it", 95), ("en", 5)]),
        new("BR", 8, [("pt", 100)]),
        new("IN", 8, [("en", 70), ("hi", 30)]),
        new("CA", 5, [("en", 80), ("fr", 20)]),
        new("AU", 4, [("en", 100)]),
        new("NL", 3, [("nl", 60), ("en", 40)]),
        new("SE", 2, [("sv", 55), ("en", 45)]),
        new("MX", 3, [("es", 100)]),
        new("IE", 1, [("en", 100)]),
        new("AT", 1, [("de", 100)]),
        new("CH", 1, [("de", 70), ("fr", 30)]),
    ];

    public static readonly IReadOnlyDictionary<string, string[]> FirstNames = new Dictionary<string, string[]>
    {
        ["en"] = ["Emma", "Olivia", "Ava", "Mia", "Chloe", "Grace", "Lily", "Ruby", "Jack", "Liam", "Noah", "Ethan", "Oliver", "James", "Mason", "Leo", "Zoe", "Hannah", "Sam", "Maya"],
        ["de"] = ["Anna", "Lena", "Lea", "Marie", "Sophie", "Hannah", "Jonas", "Lukas", "Finn", "Paul", "Felix", "Leon", "Jana", "Clara", "Max", "Tim"],
        ["fr"] = ["Camille", "Léa", "Manon", "Chloé", "Inès", "Louise", "Lucas", "Hugo", "Louis", "Théo", "Jules", "Arthur", "Julie", "Sarah", "Nathan", "Emma"],
        ["es"] = ["Lucía", "Sofía", "Martina", "María", "Paula", "Valeria", "Hugo", "Mateo", "Pablo", "Diego", "Daniel", "Alejandro", "Carmen", "Elena", "Javier", "Sergio"],
        ["it"] = ["Giulia", "Sofia", "Aurora", "Alice", "Chiara", "Francesca", "Leonardo", "Francesco", "Lorenzo", "Matteo", "Andrea", "Marco", "Elisa", "Sara", "Luca", "Davide"],
        ["pt"] = ["Ana", "Beatriz", "Júlia", "Larissa", "Camila", "Mariana", "Gabriel", "Lucas", "Pedro", "Rafael", "Thiago", "Bruno", "Fernanda", "Carolina", "João", "Felipe"],
        ["nl"] = ["Sanne", "Fleur", "Lotte", "Anouk", "Eva", "Noor", "Daan", "Sem", "Bram", "Lars", "Thijs", "Ruben", "Femke", "Jesse", "Iris", "Milan"],
        ["sv"] = ["Elsa", "Maja", "Ebba", "Saga", "Alva", "Linnea", "Erik", "Oskar", "Axel", "Nils", "Hugo", "Elias", "Klara", "Vilma", "Gustav", "Albin"],
        ["hi"] = ["Priya", "Ananya", "Diya", "Isha", "Kavya", "Riya", "Aarav", "Arjun", "Rohan", "Vihaan", "Kabir", "Aditya", "Meera", "Neha", "Rahul", "Sneha"],
    };

    public static readonly IReadOnlyDictionary<string, string[]> LastNames = new Dictionary<string, string[]>
    {
        ["en"] = ["Smith", "Johnson", "Brown", "Taylor", "Walker", "Harris", "Clarke", "Wright", "Evans", "Turner", "Hughes", "Parker", "Bennett", "Cooper", "Reed", "Morgan"],
        ["de"] = ["Müller", "Schmidt", "Schneider", "Fischer", "Weber", "Meyer", "Wagner", "Becker", "Hoffmann", "Koch", "Richter", "Wolf"],
        ["fr"] = ["Martin", "Bernard", "Dubois", "Thomas", "Robert", "Richard", "Petit", "Durand", "Leroy", "Moreau", "Laurent", "Girard"],
        ["es"] = ["García", "Martínez", "López", "Sánchez", "Pérez", "Gómez", "Fernández", "Ruiz", "Díaz", "Moreno", "Álvarez", "Romero"],
        ["it"] = ["Rossi", "Russo", "Ferrari", "Esposito", "Bianchi", "Romano", "Colombo", "Ricci", "Marino", "Greco", "Bruno", "Gallo"],
        ["pt"] = ["Silva", "Santos", "Oliveira", "Souza", "Costa", "Pereira", "Almeida", "Ferreira", "Rodrigues", "Lima", "Carvalho", "Gomes"],
        ["nl"] = ["de Jong", "Jansen", "de Vries", "van Dijk", "Bakker", "Visser", "Smit", "Meijer", "Mulder", "de Boer", "Bos", "Vos"],
        ["sv"] = ["Andersson", "Johansson", "Karlsson", "Nilsson", "Eriksson", "Larsson", "Olsson", "Persson", "Svensson", "Lindberg", "Berg", "Holm"],
        ["hi"] = ["Sharma", "Patel", "Singh", "Kumar", "Gupta", "Mehta", "Iyer", "Reddy", "Nair", "Joshi", "Kapoor", "Rao"],
    };
}
