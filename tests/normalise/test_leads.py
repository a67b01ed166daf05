import pytest

from planwatch.normalise.leads import Leads, resolve_leads

# The key printed above each objective of seed 001.
KEY = {
    "AD": "Assistant Director: Prevention",
    "GC": "Group Commander: Prevention",
    "SCP": "Station Commander: Prevention",
    "SCH": "Station Commander: HMICFRS",
    "PM": "Prevention Manager",
    "SCM": "Station Commander Malvern",
    "GCN": "Group Commander North District",
    "DCFO": "Deputy Chief Fire Officer",
    "CFO": "Chief Fire Officer",
}
# Every code printed in seed 001's Lead column.
SEEN = {"CGP", "PM", "SCH", "GCP", "SCP", "AD", "DCFO", "CFO", "GCN"}
GC_ROLE = "Group Commander: Prevention"


@pytest.mark.parametrize(
    ("raw", "codes", "roles", "warnings"),
    [
        ("PM", ("PM",), ("Prevention Manager",), ()),
        ("GCN", ("GCN",), ("Group Commander North District",), ()),
        (
            "AD DCFO CFO",
            ("AD", "DCFO", "CFO"),
            ("Assistant Director: Prevention", "Deputy Chief Fire Officer", "Chief Fire Officer"),
            (),
        ),
        (
            "PM SCP",
            ("PM", "SCP"),
            ("Prevention Manager", "Station Commander: Prevention"),
            (),
        ),
        (
            "GCP PM SCP",
            ("GCP", "PM", "SCP"),
            (GC_ROLE, "Prevention Manager", "Station Commander: Prevention"),
            ("lead GCP read as GC",),
        ),
        (
            "SCH GCP",
            ("SCH", "GCP"),
            ("Station Commander: HMICFRS", GC_ROLE),
            ("lead GCP read as GC",),
        ),
        (
            "CGP PM",
            ("GCP", "PM"),
            (GC_ROLE, "Prevention Manager"),
            ("lead CGP read as GCP", "lead GCP read as GC"),
        ),
        (
            "AD/GCP",
            ("AD", "GCP"),
            ("Assistant Director: Prevention", GC_ROLE),
            ("lead GCP read as GC",),
        ),
        ("PM and SCP", ("PM", "SCP"), ("Prevention Manager", "Station Commander: Prevention"), ()),
        ("pm", ("pm",), ("Prevention Manager",), ()),
    ],
)
def test_codes_resolve_through_the_documents_key(raw, codes, roles, warnings):
    assert resolve_leads(raw, KEY, SEEN) == Leads(raw, codes, roles, warnings)


def test_the_brief_example_without_other_seen_codes():
    key = {"GC": GC_ROLE, "PM": "Prevention Manager"}
    leads = resolve_leads("CGP PM", key, {"GCP"})
    assert leads.codes == ("GCP", "PM")
    assert leads.roles == (GC_ROLE, "Prevention Manager")
    assert "lead CGP read as GCP" in leads.warnings
    assert "lead GCP read as GC" in leads.warnings


@pytest.mark.parametrize(
    "raw",
    [
        "Head of Community Risk and HRD",
        "Director of Prevention & Protection",
        "Head of Operational Support",
    ],
)
def test_a_role_written_out_is_one_role(raw):
    assert resolve_leads(raw, KEY, SEEN) == Leads(raw, (), (raw,))


@pytest.mark.parametrize(
    "raw", ["<i>Head of Operational Support</i>", "<I>Head of Operational Support</I>"]
)
def test_italic_markup_is_not_part_of_the_role(raw):
    assert resolve_leads(raw, {}).roles == ("Head of Operational Support",)


def test_a_short_code_several_key_codes_extend_is_ambiguous():
    assert resolve_leads("SC", KEY, SEEN) == Leads(
        "SC", ("SC",), ("",), ("lead SC is ambiguous: SCH or SCM or SCP",)
    )


def test_a_code_in_no_key_keeps_its_place_with_an_empty_role():
    assert resolve_leads("XYZ PM", KEY, SEEN) == Leads(
        "XYZ PM", ("XYZ", "PM"), ("", "Prevention Manager"), ("lead XYZ not in the key",)
    )


def test_standard_ranks_fill_in_where_there_is_no_key():
    assert resolve_leads("ACC & Ch Supt", {}) == Leads(
        "ACC & Ch Supt",
        ("ACC", "Ch Supt"),
        ("Assistant Chief Constable", "Chief Superintendent"),
        ("lead ACC read from standard ranks", "lead Ch Supt read from standard ranks"),
    )


def test_a_code_both_services_use_is_read_by_the_other_codes():
    assert resolve_leads("CC DCC", {}).roles == ("Chief Constable", "Deputy Chief Constable")
    assert resolve_leads("CC", {}, {"WC", "DCFO"}).roles == ("Crew Commander",)
    assert resolve_leads("CC", {}).warnings == (
        "lead CC is ambiguous: Chief Constable or Crew Commander",
    )


def test_empty_cell_has_no_leads():
    assert resolve_leads("", KEY) == Leads("", (), ())


@pytest.mark.parametrize(
    ("raw", "role"),
    [
        ("Sarah Jones (Head of Planning)", "Head of Planning"),
        ("Mark Patel (Area Manager, Response)", "Area Manager, Response"),
        ("Siobhan O'Neill (DCI Public Protection)", "DCI Public Protection"),
        # a role with a qualifier in brackets is no person's name
        ("Area Manager (Response)", "Area Manager (Response)"),
        ("Head of Prevention (Interim)", "Head of Prevention (Interim)"),
    ],
)
def test_a_named_officer_leads_in_the_bracketed_role(raw, role):
    assert resolve_leads(raw, {}) == Leads(raw, (), (role,))


@pytest.mark.parametrize(
    ("raw", "codes"),
    [
        ("H&S", ("H&S",)),
        ("HRD / H&S", ("HRD", "H&S")),
        ("H&S & HRD", ("H&S", "HRD")),
    ],
)
def test_a_key_code_holding_an_ampersand_is_one_code(raw, codes):
    key = {"H&S": "Health and Safety Manager", "HRD": "Human Resources Director"}
    leads = resolve_leads(raw, key)
    assert leads.codes == codes
    assert leads.roles == tuple(key[c] for c in codes)
    assert leads.warnings == ()


POLICE_KEY = {
    "Ch Supt Ops": "Chief Superintendent Operations",
    "DCI CRU": "Detective Chief Inspector, Crime Recording Unit",
    "CFO (Fin)": "Chief Finance Officer",
    "ACO (F)": "Assistant Chief Officer (Finance)",
}


@pytest.mark.parametrize(
    ("raw", "codes"),
    [
        ("Ch. Supt Ops", ("Ch Supt Ops",)),
        ("Ch. Supt. Ops.", ("Ch Supt Ops",)),
        ("CFO(Fin) / DCI CRU", ("CFO (Fin)", "DCI CRU")),
        ("ACO (F) Ch Supt Ops", ("ACO (F)", "Ch Supt Ops")),
        ("DCI CRU; CFO (Fin)", ("DCI CRU", "CFO (Fin)")),
    ],
)
def test_key_codes_with_spaces_dots_and_brackets_are_split_and_spelt_as_in_the_key(raw, codes):
    leads = resolve_leads(raw, POLICE_KEY)
    assert leads.codes == codes
    assert leads.roles == tuple(POLICE_KEY[c] for c in codes)
    assert leads.warnings == ()


def test_a_rank_printed_with_dots_is_the_standard_rank():
    leads = resolve_leads("Supt. / Ch. Insp.", {})
    assert leads.codes == ("Supt", "Ch Insp")
    assert leads.roles == ("Superintendent", "Chief Inspector")


@pytest.mark.parametrize(
    "raw", ["Area Manager (Response)", "Head of Prevention (Interim)", "Head of HR (North)"]
)
def test_a_role_with_a_qualifier_in_brackets_is_kept_whole(raw):
    assert resolve_leads(raw, POLICE_KEY) == Leads(raw, (), (raw,))
