import Foundation
import RosterRows
import VolunteerDirectory

/// The need form: the needs spreadsheet's columns as fields, read by the same row reader an
/// imported needs file goes through, so a need typed in means exactly what the same row in a
/// file would. Each problem is tied to its field.
struct NeedForm {
    /// Field name, label, the needs-sheet header it stands for, and a hint.
    static let fields: [(name: String, label: String, header: String, hint: String?)] = [
        ("id", "Need ID", "Need ID", "Such as N-120. Unique; an import of a needs file with the same id updates it."),
        ("partner", "Requested by", "Requested By", "The partner organisation, as its accounts name it."),
        ("title", "Title", "Title", nil),
        ("description", "Details", "Details", nil),
        ("required-skills", "Required skills", "Required Skills", "Separate several with semicolons."),
        ("preferred-skills", "Preferred skills", "Preferred Skills", nil),
        ("required-languages", "Required languages", "Required Languages", "Such as Polish (fluent); Urdu."),
        ("preferred-languages", "Preferred languages", "Preferred Languages", nil),
        ("postcode", "Postcode", "Postcode", nil),
        ("area", "Ward", "Ward", nil),
        ("when", "When", "When", "Such as Wed afternoon; Mon morning. Empty means any time."),
        ("places", "Places", "Places", "How many volunteers, 1 to 1,000."),
        ("dbs", "DBS check required", "DBS Required", "basic, standard or enhanced; empty for none."),
    ]

    var values: FormValues
    var problems: [(field: String, message: String)] = []
    var need: Need?

    /// Reads the form.
    init(_ values: FormValues) {
        self.values = values
        for (name, what) in [("id", "a need id"), ("partner", "the partner"), ("title", "a title")]
        where values[name] == nil {
            problems.append((name, "Enter \(what)"))
        }
        if let places = values["places"] {
            do {
                _ = try FieldLimits.places(from: places)
            } catch {
                problems.append(("places", "\(error)"))
            }
        }
        if let dbs = values["dbs"], DBSLevel(name: dbs) == nil {
            problems.append(
                ("dbs", "'\(dbs)' is not a DBS level; write basic, standard or enhanced, or leave it empty"))
        }
        for item in ListCell.items(values["when"] ?? "") where Slot.parse(item) == nil {
            problems.append(("when", "'\(item)' is not understood; write it like 'Wed afternoon' or 'weekends'"))
            break
        }
        guard problems.isEmpty else { return }
        do {
            let layout = try HeaderLayout(header: Self.fields.map(\.header), kind: .needs, columnMap: [:])
            let row = Self.fields.map { values[$0.name] ?? "" }
            var read = try NeedRowReader(layout: layout, catalogue: .shared).need(from: row, warn: { _ in })
            read.updated = CalendarDate.today
            if let violation = FieldLimits.violation(in: .need(read)) {
                problems.append((Self.field(for: violation.field), "\(violation)"))
                return
            }
            need = read
        } catch {
            problems.append(("id", "\(error)"))
        }
    }

    /// The form's field for a field named in a limit violation.
    private static func field(for name: String) -> String {
        switch name {
        case "need id": "id"
        case "skill", "skills": "required-skills"
        case "language", "languages": "required-languages"
        default: fields.contains(where: { $0.name == name }) ? name : "description"
        }
    }

    /// The values a held need fills the form with.
    static func values(of need: Need) -> FormValues {
        var values = FormValues()
        func requirementText(_ requirement: LanguageRequirement) -> String {
            requirement.language.written + (requirement.minimumProficiency.map { " (\($0))" } ?? "")
        }
        values.append("id", need.id)
        values.append("partner", need.partner)
        values.append("title", need.title)
        values.append("description", need.description ?? "")
        values.append("required-skills", need.skills.filter(\.isRequired).map(\.skill.written).joined(separator: "; "))
        values.append(
            "preferred-skills", need.skills.filter { !$0.isRequired }.map(\.skill.written).joined(separator: "; "))
        values.append(
            "required-languages", need.languages.filter(\.isRequired).map(requirementText).joined(separator: "; "))
        values.append(
            "preferred-languages", need.languages.filter { !$0.isRequired }.map(requirementText).joined(separator: "; ")
        )
        values.append("postcode", need.postcode ?? "")
        values.append("area", need.area ?? "")
        values.append("when", need.slots.map(\.description).joined(separator: "; "))
        values.append("places", String(need.places))
        values.append("dbs", need.minimumDBS.map { "\($0)" } ?? "")
        return values
    }

    /// The form as HTML, with its problems beside their fields.
    func html(action: String, context: WebContext, editing: Bool) -> String {
        var html = Layout.errorSummary(problems)
        html += "<form id=\"need-form\" method=\"post\" action=\"\(h(action))\" novalidate>" + Layout.csrfField(context)
        for field in Self.fields {
            let problem = problems.first(where: { $0.field == field.name })?.message
            if field.name == "id", editing {
                html += "<input type=\"hidden\" name=\"id\" value=\"\(h(values["id"]))\">"
                html += "<p><strong>Need ID:</strong> \(h(values["id"]))</p>"
            } else if field.name == "description" {
                html += Layout.textArea("description", label: "Details", value: values["description"], problem: problem)
            } else {
                html += Layout.field(
                    field.name, label: field.label, value: values[field.name], hint: field.hint, problem: problem,
                    required: ["id", "partner", "title"].contains(field.name))
            }
        }
        return html + "<button type=\"submit\" id=\"save-need\">Save the need</button></form>"
    }
}

extension CalendarDate {
    /// Today, in the server's time zone.
    static var today: CalendarDate? {
        let parts = Calendar.current.dateComponents([.year, .month, .day], from: Date())
        return CalendarDate(year: parts.year ?? 1970, month: parts.month ?? 1, day: parts.day ?? 1)
    }
}
