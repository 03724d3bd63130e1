/// The fixed colours of personas in the run report, by position (persona 1 first): each has a
/// contrast of at least 4.5:1 on white, so marks and their labels stay readable. More personas
/// than colours reuse them in order.
enum PersonaPalette {
    static let colours = ["#0B5FA5", "#C0392B", "#1E7B4F", "#8E3B8E", "#8A5A00", "#3F4FA0", "#A8325E", "#2F6B6B", "#6B4F2A", "#555555"]

    /// The colour of the persona at `position` (0-based) in the run's persona list.
    static func colour(_ position: Int) -> String {
        colours[((position % colours.count) + colours.count) % colours.count]
    }
}
