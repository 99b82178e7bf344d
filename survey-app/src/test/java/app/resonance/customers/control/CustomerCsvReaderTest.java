package app.resonance.customers.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import app.resonance.customers.entity.CustomerProfile;
import app.resonance.platform.control.FieldError;
import app.resonance.platform.control.Messages;
import java.io.StringReader;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CustomerCsvReaderTest {

    static final Messages EN = Messages.of(Locale.ENGLISH);

    static CustomerCsvReader.Result read(String csv) {
        return CustomerCsvReader.read(new StringReader(csv), EN);
    }

    static CustomerCsvReader.Result read(String csv, Map<String, String> mapping) {
        return CustomerCsvReader.read(new StringReader(csv), mapping, EN);
    }

    static List<String> fieldsAndCodes(CustomerCsvReader.Result result) {
        return result.errors().stream().map(e -> e.field() + " " + e.code()).toList();
    }

    static void assertRejected(List<String> expected, CustomerCsvReader.Result result) {
        assertEquals(expected, fieldsAndCodes(result));
        assertEquals(List.of(), result.profiles());
    }

    @Test
    void commaSeparatedWithAllKnownColumns() {
        var result = read("""
                externalId,name,email,plan,region,lifecycleStage,renewalDate,locale
                C-1,Anna Schmidt,anna@example.com,pro,EU,customer,2027-01-31,de
                C-2,Bob Jones,,basic,,,,en
                """);
        assertEquals(List.of(), result.errors());
        assertEquals(
                List.of(
                        new CustomerProfile(
                                "C-1",
                                "Anna Schmidt",
                                "anna@example.com",
                                "pro",
                                "EU",
                                "customer",
                                LocalDate.of(2027, 1, 31),
                                "de",
                                Map.of()),
                        new CustomerProfile("C-2", "Bob Jones", null, "basic", null, null, null, "en", Map.of())),
                result.profiles());
    }

    @Test
    void semicolonSeparatedAsGermanSpreadsheetsWriteIt() {
        var result = read("""
                External ID;Name;E-Mail;Language;Renewal Date;Lifecycle Stage
                K-100;Müller, Hans;hans@mueller.de;de;2026-12-01;trial
                """);
        assertEquals(List.of(), result.errors());
        assertEquals(
                List.of(new CustomerProfile(
                        "K-100",
                        "Müller, Hans",
                        "hans@mueller.de",
                        null,
                        null,
                        "trial",
                        LocalDate.of(2026, 12, 1),
                        "de",
                        Map.of())),
                result.profiles());
    }

    @Test
    void headerAliasesAreRecognisedIgnoringCaseAndSpaces() {
        var result = read(
                "ID,NAME,e-mail,Renewal_Date,lifecycle_stage,external_id_not\nC-1,Anna,a@b.de,2026-01-02,lead,x\n");
        assertEquals(List.of(), result.errors());
        assertEquals(
                List.of(new CustomerProfile(
                        "C-1",
                        "Anna",
                        "a@b.de",
                        null,
                        null,
                        "lead",
                        LocalDate.of(2026, 1, 2),
                        null,
                        Map.of("external_id_not", "x"))),
                result.profiles());
    }

    @Test
    void byteOrderMarkIsIgnored() {
        var result = read("\uFEFFid;name\r\nC-1;Anna\r\n");
        assertEquals(List.of(), result.errors());
        assertEquals(
                List.of(new CustomerProfile("C-1", "Anna", null, null, null, null, null, null, Map.of())),
                result.profiles());
    }

    @Test
    void valuesAreTrimmedAndQuotedValuesKeepTheirDelimiters() {
        var result = read("id,name,plan\n  C-1 ,\"Schmidt, Anna\",  pro  \n");
        assertEquals(
                List.of(new CustomerProfile("C-1", "Schmidt, Anna", null, "pro", null, null, null, null, Map.of())),
                result.profiles());
    }

    @Test
    void extraColumnsBecomeAttributesWithSafeNames() {
        var result = read("""
                id,name,Company Size,industry,NPS-Owner
                C-1,Anna,50-100,Retail,
                C-2,Bob,,Banking,lisa
                """);
        assertEquals(List.of(), result.errors());
        assertEquals(
                List.of(
                        new CustomerProfile(
                                "C-1",
                                "Anna",
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                Map.of("Company_Size", "50-100", "industry", "Retail")),
                        new CustomerProfile(
                                "C-2",
                                "Bob",
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                Map.of("industry", "Banking", "NPS_Owner", "lisa"))),
                result.profiles());
    }

    @Test
    void emptyLinesAreSkipped() {
        var result = read("id,name\n\nC-1,Anna\n\nC-2,Bob\n");
        assertEquals(
                List.of("C-1", "C-2"),
                result.profiles().stream().map(CustomerProfile::externalId).toList());
    }

    @Test
    void missingExternalIdColumn() {
        var result = read("customer,name\nC-1,Anna\n");
        assertRejected(List.of("header csvColumnMissing"), result);
        assertEquals(
                "The CSV needs a column \"externalId\".", result.errors().get(0).message());
    }

    @Test
    void missingBothRequiredColumns() {
        var result = read("email,plan\na@b.de,pro\n");
        assertEquals(
                List.of(
                        new FieldError("header", "csvColumnMissing", "The CSV needs a column \"externalId\"."),
                        new FieldError("header", "csvColumnMissing", "The CSV needs a column \"name\".")),
                result.errors());
        assertEquals(List.of(), result.profiles());
    }

    @Test
    void wrongColumnCountIsNamedByRow() {
        var result = read("id,name,plan\nC-1,Anna,pro\nC-2,Bob\nC-3,Cleo,pro,extra\n");
        assertRejected(List.of("rows[2] csvColumns", "rows[3] csvColumns"), result);
        assertEquals(
                "This row has 2 columns where the header has 3.",
                result.errors().get(0).message());
        assertEquals(
                "This row has 4 columns where the header has 3.",
                result.errors().get(1).message());
    }

    @Test
    void badDateIsNamedByRowAndField() {
        var result = read("id;name;renewal_date\nC-1;Anna;2027-01-31\nC-2;Bob;31.01.2027\n");
        assertRejected(List.of("rows[2].renewalDate expectedDate"), result);
        assertEquals("Give a date as YYYY-MM-DD.", result.errors().get(0).message());
    }

    @Test
    void duplicateExternalIdIsNamedAtItsSecondOccurrence() {
        var result = read("id,name\nC-1,Anna\nC-2,Bob\nC-1,Anna again\n");
        assertRejected(List.of("rows[3].externalId duplicate"), result);
    }

    @Test
    void profileRulesApplyPerRow() {
        var result = read("""
                id,name,email,locale,1st contact
                C-1,,anna@example,fr,
                ,Bob,bob@example.com,de,yesterday
                """);
        assertRejected(
                List.of(
                        "rows[1].name required",
                        "rows[1].email email",
                        "rows[1].locale oneOf",
                        "rows[2].externalId required",
                        "rows[2].attributes attributeName"),
                result);
    }

    @Test
    void oneBadRowRejectsTheWholeImport() {
        var result = read("id,name,plan\nC-1,Anna,pro\nC-2,Bob,basic\nC-3,Cleo,\"" + "p".repeat(61) + "\"\n");
        assertRejected(List.of("rows[3].plan tooLong"), result);
        assertEquals("At most 60 characters.", result.errors().get(0).message());
    }

    @Test
    void unbalancedQuotesMakeTheCsvMalformed() {
        var result = read("id,name\nC-1,\"Anna\nC-2,Bob\n");
        assertRejected(List.of("csv csvMalformed"), result);
        assertEquals(
                "The CSV cannot be read (check quotes and the encoding, UTF-8).",
                result.errors().get(0).message());
    }

    @Test
    void germanMessages() {
        var result = CustomerCsvReader.read(new StringReader("id,name,plan\nC-1,Anna\n"), Messages.of(Locale.GERMAN));
        assertEquals(
                List.of(new FieldError("rows[1]", "csvColumns", "Diese Zeile hat 2 Spalten, die Kopfzeile 3.")),
                result.errors());
    }

    static List<String> report(CustomerCsvReader.Result result) {
        return result.rejected().stream().map(CustomerCsvReader.RowError::text).toList();
    }

    @Test
    void aRejectedRowIsNamedByRowExternalIdAndColumnAndTheValidRowsRemain() {
        var result = read("""
                id,name,email,plan
                C-1001,Anna,anna@example.com,pro
                C-1002,Bob,bob@example.com,basic
                C-1003,Cleo,cleo@example.com,pro
                C-1004,Dora,dora-at-example,pro
                C-1005,Emil,emil@example.com,basic
                """);
        assertEquals(
                List.of("Row 4 (external id C-1004), column email: This is not an email address."), report(result));
        assertEquals(
                List.of("C-1001", "C-1002", "C-1003", "C-1005"),
                result.valid().stream().map(CustomerProfile::externalId).toList());
        assertEquals(1, result.rejectedRows());
        assertEquals(List.of(), result.profiles(), "the all-or-nothing API still stores nothing");
        assertEquals(List.of("rows[4].email email"), fieldsAndCodes(result));
    }

    @Test
    void theReportNamesTheFilesColumnsAndSaysWhatItCanOfRowsWithoutIdOrColumn() {
        var result = read(
                """
                Kunden-Nr;Name;E-Mail;Verlängerung;1st contact
                K-1;Anna;anna@example.com;2027-01-31;
                ;Bob;bob@example.com;2027-02-01;
                K-3;Cleo;cleo@example.com;31.01.2027;
                K-4;Dora
                K-1;Anna again;anna@example.com;;
                K-6;Fritz;fritz@example.com;;yesterday
                """,
                Map.of("Kunden-Nr", "externalId", "Name", "name", "E-Mail", "email", "Verlängerung", "renewalDate"));
        assertEquals(
                List.of(
                        "Row 2, column Kunden-Nr: The value is missing.",
                        "Row 3 (external id K-3), column Verlängerung: Give a date as YYYY-MM-DD.",
                        "Row 4 (external id K-4): This row has 2 columns where the header has 5.",
                        "Row 5 (external id K-1), column Kunden-Nr: This appears twice.",
                        "Row 6 (external id K-6): Attribute names start with a letter and have at most 60 letters,"
                                + " digits or underscores."),
                report(result));
        assertEquals(
                List.of("K-1"),
                result.valid().stream().map(CustomerProfile::externalId).toList());
        assertEquals(5, result.rejectedRows());
    }

    @Test
    void theReportInGerman() {
        var result = CustomerCsvReader.read(
                new StringReader("id;name;email\nC-1;Anna;anna@example\nC-2;Bob;bob@example.com\n;Cleo;\nC-4;Dora\n"),
                Messages.of(Locale.GERMAN));
        assertEquals(
                List.of(
                        "Zeile 1 (externe ID C-1), Spalte email: Dies ist keine E-Mail-Adresse.",
                        "Zeile 3, Spalte id: Der Wert fehlt.",
                        "Zeile 4 (externe ID C-4): Diese Zeile hat 2 Spalten, die Kopfzeile 3."),
                report(result));
        assertEquals(
                List.of("C-2"),
                result.valid().stream().map(CustomerProfile::externalId).toList());
    }

    @Test
    void aFileThatCannotBeReadAsAWholeHasNoValidRows() {
        var result = read("customer,name\nC-1,Anna\n");
        assertEquals(List.of(), result.valid());
        assertEquals(List.of(), result.rejected());
        assertEquals(List.of("header csvColumnMissing"), fieldsAndCodes(result));
    }
}
