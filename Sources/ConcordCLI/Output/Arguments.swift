import ArgumentParser
import ConcordCore

extension LocalDate: ExpressibleByArgument {
    public init?(argument: String) {
        self.init(iso: argument)
    }
}

extension Region: ExpressibleByArgument {}
