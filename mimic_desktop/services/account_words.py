"""What the account pages and commands say, in English and Dutch."""

from __future__ import annotations

from ..domain.wording import Messages

MESSAGES: Messages = {
    "wrong": ("Wrong user name or password.", "Verkeerde gebruikersnaam of verkeerd wachtwoord."),
    "waits": (
        "After {count} wrong passwords in a row the account {name} waits until {until} before it can sign in again."
        " A coordinator can release it sooner.",
        "Na {count} verkeerde wachtwoorden achter elkaar wacht het account {name} tot {until} voordat het weer kan"
        " aanmelden. Een coördinator kan het eerder vrijgeven.",
    ),
    "bad_name": (
        "A user name may hold letters, digits, dots, dashes and underscores only.",
        "Een gebruikersnaam mag alleen letters, cijfers, punten, streepjes en liggende streepjes bevatten.",
    ),
    "long_name": (
        "A user name holds at most {n} characters.",
        "Een gebruikersnaam heeft hoogstens {n} tekens.",
    ),
    "bad_full_name": (
        "A full name holds at most {n} characters, without control characters: it is printed with signatures.",
        "Een volledige naam heeft hoogstens {n} tekens, zonder stuurtekens: die wordt bij handtekeningen afgedrukt.",
    ),
    "no_full_name": (
        "Give the person's full name: it is printed with their signature.",
        "Geef de volledige naam van de persoon: die wordt bij de handtekening afgedrukt.",
    ),
    "sign_in_first": (
        "Sign in as a {role} to add accounts.",
        "Meld u aan als {role} om accounts toe te voegen.",
    ),
    "first_coordinator": (
        "The first account must be a {role}.",
        "Het eerste account moet van een {role} zijn.",
    ),
    "taken": ("The user name {name} is taken.", "De gebruikersnaam {name} is al in gebruik."),
    "same_signer_name": (
        "Another account that can sign is already called {full_name} ({other}): a signature must name one person."
        " Add what tells them apart, such as a middle initial.",
        "Een ander account dat kan ondertekenen heet al {full_name} ({other}): een handtekening moet één persoon"
        " noemen. Voeg toe wat hen onderscheidt, zoals een tussenletter.",
    ),
    "no_account": ("There is no account {name}.", "Er is geen account {name}."),
    "same_password": (
        "The new password must differ from the current one.",
        "Het nieuwe wachtwoord moet verschillen van het huidige.",
    ),
    "own_reset": (
        "Change your own password with Change my password (or `mimic-desktop passwd`), not with a reset.",
        "Wijzig uw eigen wachtwoord met Mijn wachtwoord wijzigen (of `mimic-desktop passwd`), niet met opnieuw instellen.",
    ),
    "own_deactivate": (
        "You cannot deactivate your own account: ask another {role}.",
        "U kunt uw eigen account niet deactiveren: vraag een andere {role}.",
    ),
    "own_role": (
        "You cannot change your own role: ask another {role}.",
        "U kunt uw eigen rol niet wijzigen: vraag een andere {role}.",
    ),
    "last_coordinator": (
        "{name} is the only active {role}: make another account a {role} first.",
        "{name} is de enige actieve {role}: maak eerst een ander account {role}.",
    ),
    "must_change": (
        "The password of {name} was reset by a coordinator: choose a new one first"
        " (in the app, or with `mimic-desktop passwd --user {name}`).",
        "Het wachtwoord van {name} is door een coördinator opnieuw ingesteld: kies eerst een nieuw"
        " (in de app, of met `mimic-desktop passwd --user {name}`).",
    ),
    "inactive": ("The account {name} is deactivated.", "Het account {name} is gedeactiveerd."),
    "not_here": (
        "The role {role} is not one of the accounts here ({roles}).",
        "De rol {role} hoort niet bij de accounts hier ({roles}).",
    ),
    "already_active": ("The account {name} is active already.", "Het account {name} is al actief."),
}
