import VolunteerDirectory

extension Volunteer {
    /// The volunteer as `account` may see them: coordinators and admins everything held; a
    /// partner only someone who agreed to be shared with partners, and then without their email,
    /// phone or notes (free text that may hold either): what `--audience partner` shows.
    func seen(by account: Account) -> Volunteer? {
        guard account.role == .partner else { return self }
        guard consent.share == .partners else { return nil }
        var shown = self
        shown.email = nil
        shown.phone = nil
        shown.notes = nil
        return shown
    }
}

extension Need {
    /// Whether `account` may see this need: a partner only its own organisation's.
    func isVisible(to account: Account) -> Bool {
        guard account.role == .partner else { return true }
        return account.partner.map { $0.matchingKey == partner.matchingKey } ?? false
    }
}

extension Network {
    /// The network as `account` may see it: a partner without the contact person's details.
    func seen(by account: Account) -> Network {
        guard account.role == .partner else { return self }
        var shown = self
        shown.contact = nil
        return shown
    }
}
