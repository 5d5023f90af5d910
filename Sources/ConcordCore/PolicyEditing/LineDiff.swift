/// Lines added and removed between two texts, in order, for "what changes" before installing.
public enum LineDiff {
    public enum Line: Hashable, Sendable {
        case same(String)
        case added(String)
        case removed(String)
    }

    /// The longest common subsequence of lines; policies are a few hundred lines, so the
    /// quadratic table is small.
    public static func lines(from old: String, to new: String) -> [Line] {
        let a = split(old)
        let b = split(new)
        var table = Array(repeating: Array(repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in stride(from: a.count - 1, through: 0, by: -1) {
            for j in stride(from: b.count - 1, through: 0, by: -1) {
                table[i][j] = a[i] == b[j] ? table[i + 1][j + 1] + 1 : max(table[i + 1][j], table[i][j + 1])
            }
        }
        var result: [Line] = []
        var (i, j) = (0, 0)
        while i < a.count || j < b.count {
            if i < a.count, j < b.count, a[i] == b[j] {
                result.append(.same(a[i]))
                i += 1
                j += 1
            } else if j < b.count, i == a.count || table[i][j + 1] >= table[i + 1][j] {
                result.append(.added(b[j]))
                j += 1
            } else {
                result.append(.removed(a[i]))
                i += 1
            }
        }
        return result
    }

    private static func split(_ text: String) -> [String] {
        var lines = text.components(separatedBy: "\n")
        if lines.last == "" { lines.removeLast() }
        return lines
    }
}
