import ConcordCore
import Foundation

/// The forms for a stage's meeting: scheduling it, and entering its minutes (Oldham's minutes
/// template), both filled in from the dispute so that people only add what it cannot know.
extension ActionForm {
    static let durations = [30, 45, 60, 90, 120, 180]
    static let minuteRows = 3

    static func scheduleMeeting(
        _ dispute: VisibleDispute, choices: PeopleChoices, sent: FormValues?, today: LocalDate
    ) -> ActionForm {
        let pending = dispute.loaded.state.pendingMeeting
        let people = MeetingPeople(dispute, choices)
        let duration = sent?.text("duration") ?? String(pending?.durationMinutes ?? 60)
        let invited = sent?.all("invited[]") ?? people.expected
        return ActionForm(
            intro: pending.map { _ in
                "This rearranges the meeting already scheduled. Download the calendar invitation again afterwards."
            },
            fields: [
                dateField("date", "Date of the meeting", sent: sent, value: pending?.date ?? today),
                FormField(
                    .text, name: "start", label: "Start time", hint: "Use the 24-hour clock, for example 14:30",
                    value: sent?.text("start") ?? pending?.start.description ?? "", width: "5"),
                FormField(
                    .select, name: "duration", label: "How long will it last?",
                    options: durations.map {
                        .option(String($0), Formatting.duration($0), selected: duration == "\($0)")
                    }
                ),
                FormField(
                    .textarea, name: "location", label: "Where is it, or how do people join?",
                    hint:
                        "An address or the video call's joining details. This goes into people's calendars, so do not include the child's details.",
                    value: sent?.text("location") ?? pending?.location ?? ""),
                FormField(
                    .checkboxes, name: "invited[]", label: "Who is invited?",
                    hint: "The relevant agencies, and the child's IRO if the child is looked after.",
                    options: choices.options(people.invitable, selected: invited)),
            ], submit: pending == nil ? "Schedule meeting" : "Rearrange meeting")
    }

    static func scheduleCommand(
        _ sent: FormValues, choices: MeetingPeople, organiser: PersonRef, errors: inout FormErrors
    ) -> DisputeCommand {
        let date = sent.date("date", label: "The date of the meeting", errors: &errors)
        if date == nil { errors.add("date", "Enter the date of the meeting") }
        let start = MeetingTime(text: sent.text("start"))
        if start == nil { errors.add("start", "Enter the start time as hours and minutes, for example 14:30") }
        let duration = Int(sent.text("duration")).flatMap { durations.contains($0) ? $0 : nil }
        if duration == nil { errors.add("duration", "Select how long the meeting will last") }
        let location = sent.text("location")
        if location.isEmpty { errors.add("location", "Enter where the meeting is, or how to join it") }
        let invited = sent.all("invited[]").compactMap(choices.person)
        if invited.isEmpty { errors.add("invited[]", "Select who is invited") }
        return .scheduleMeeting(
            ScheduleMeeting(
                date: date ?? LocalDate(dayNumber: 0), start: start ?? MeetingTime(hour: 0, minute: 0)!,
                durationMinutes: duration ?? 0, location: location, invited: invited, organiser: organiser))
    }

    static func dateField(_ name: String, _ label: String, sent: FormValues?, value: LocalDate?) -> FormField {
        var field = FormField.date(name: name, label: label, value: sent == nil ? value : nil)
        if let sent {
            field.day = sent.text("\(name)-day")
            field.month = sent.text("\(name)-month")
            field.year = sent.text("\(name)-year")
        }
        return field
    }
}
