/// Common English function words: left out when the host lists the words of a goal it did not
/// understand, so that list holds only the words that might have carried meaning.
public enum StopWords {
    public static let english: Set<String> = [
        "a", "about", "above", "after", "all", "also", "an", "and", "any", "are", "as", "at", "be", "been", "but", "by",
        "can", "do", "does", "each", "for", "from", "has", "have", "her", "here", "his", "how", "i", "if", "in", "into",
        "is", "it", "its", "like", "me", "more", "most", "my", "no", "not", "of", "on", "or", "our", "out", "over",
        "people", "so", "some", "such", "than", "that", "the", "their", "them", "then", "there", "these", "they", "this",
        "those", "to", "too", "under", "up", "us", "very", "was", "we", "were", "what", "when", "where", "which", "who",
        "whom", "whose", "why", "will", "with", "within", "without", "you", "your", "users", "user", "segment", "segments",
        "persona", "personas", "target", "targeting", "audience", "group", "groups", "s",
    ]
}
