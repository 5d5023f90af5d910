import ConcordCore
import ConcordStore
import Foundation

/// One dispute action's questions, and the engine command its answers make.
struct ActionForm {
    var intro: String?
    var fields: [FormField]
    var hidden: [String: String] = [:]
    var submit: String

    /// Either the command, or the errors to show against the questions.
    typealias Outcome = Result<DisputeCommand, FormErrorList>

    struct FormErrorList: Error {
        var errors: FormErrors
    }
}
