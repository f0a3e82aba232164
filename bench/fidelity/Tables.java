import java.nio.file.Path;
import java.util.List;

/**
 * Expected fields of the NTB NITF and AFP NewsML 1.2 samples of ninjs/tools/xslt, read by hand from the files
 * (the XSLTs the README names are not in the shared copy; the mapping follows the NITF 3.6 and NewsML 1.2 specs).
 */
final class Tables {
  private Tables() {}

  /**
   * NTB_nitf_sample.xml. uri: docdata/doc-id@id-string, or NTB's own NTBID without the "_00" version suffix;
   * version: du-key@version; byline: body.head/byline; place: body.head/dateline; language: nitf@baselang;
   * subjects: tobject.subject refnum (NTB's own ninjs writes the bare refnum as literal) or its name; urgency:
   * docdata/urgency@ed-urg. No dates: date.issue "2021-05-16T09:00:04" has no zone, so its instant is unknown.
   */
  static Expect.Item ntb(Path file) {
    String doc = "NTB5df9281a-a270-4dc5-a618-869bbc3bbca7_00";
    Expect.Item i = new Expect.Item(file.toString(), 0, doc, "");
    i.want("headline", Expect.Rule.SAME, "Pandemien herjer på den legeløse indiske landsbygda");
    i.want("uri", Expect.Rule.ID, doc, "NTB5df9281a-a270-4dc5-a618-869bbc3bbca7");
    i.want("version", Expect.Rule.SAME, "1");
    i.want("byline", Expect.Rule.MENTIONS, "NTB-AFP-DPA");
    i.want("place", Expect.Rule.SAME_CI, "Unnao");
    i.want("language", Expect.Rule.SAME_CI, "nb-NO");
    i.want("body start", Expect.Rule.STARTS, "Koronapandemien herjer også i landsbyer rundt omkr");
    i.want("subjects", Expect.Rule.EVERY, List.of(List.of("07001000", "subj:07001000", "Sykdom"),
        List.of("07000000", "subj:07000000", "Medisin og helse")));
    i.want("urgency", Expect.Rule.SAME, "5");
    return i;
  }

  /**
   * afp.com_newsml1.2_sample.xml. uri: PublicIdentifier, or the same less its revision; version: RevisionId;
   * pubstatus: Status; byline: AdministrativeMetadata/Creator/Party@FormalName; place: Location City (also the
   * DateLine's first words); language: Language@FormalName; subjects: SubjectCode FormalNames (IPTC subject
   * codes); urgency: NewsManagement/Urgency; dates: FirstCreated, ThisRevisionCreated and DateLineDate.
   */
  static Expect.Item afp(Path file) {
    String pub = "urn:newsml:afp.com:20210516T080625Z:TX-PAR-WGF71:1";
    Expect.Item i = new Expect.Item(file.toString(), 0, pub, "");
    i.want("headline", Expect.Rule.SAME, "Israel strikes key Hamas targets as UN Security Council to meet");
    i.want("uri", Expect.Rule.ID, pub, "urn:newsml:afp.com:20210516T080625Z:TX-PAR-WGF71");
    i.want("version", Expect.Rule.SAME, "1");
    i.want("pubstatus", Expect.Rule.SAME, "usable");
    i.want("byline", Expect.Rule.MENTIONS, "Adel Zaanoun with Guillaume Lavallee in Jerusalem");
    i.want("place", Expect.Rule.SAME_CI, "Gaza City");
    i.want("language", Expect.Rule.SAME_CI, "en");
    i.want("body start", Expect.Rule.STARTS, "Israel's army said Sunday it had bombed the home o");
    i.want("subjects", Expect.Rule.EVERY, List.of("16000000", "16002000", "02003000", "11000000", "02000000", "02003001")
        .stream().map(c -> List.of(c, "subj:" + c)).toList());
    i.want("urgency", Expect.Rule.SAME, "4");
    i.want("dates", Expect.Rule.EVERY, List.of(List.of("firstcreated 2021-05-16T08:06:25Z"),
        List.of("versioncreated 2021-05-16T08:06:25Z"), List.of("contentcreated 2021-05-16T08:06:25Z")));
    return i;
  }
}
