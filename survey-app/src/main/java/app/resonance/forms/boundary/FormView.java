package app.resonance.forms.boundary;

import java.util.List;
import java.util.Map;

/** What the form templates show: plain values, escaped by the templates. */
final class FormView {

    private FormView() {}

    /** A language the survey is offered in, as a link to switch to it. */
    record Language(String code, String name, String href, boolean current) {}

    record Option(String id, String name, String value, String label, String srLabel, boolean checked) {}

    record Row(String label, List<Option> cells) {}

    record ErrorLink(String href, String message) {}

    record OneClick(int score, String saved) {}

    record Link(String href, String label) {}

    record Question(
            String id,
            String name,
            String text,
            boolean required,
            String error,
            String errorId,
            boolean fieldset,
            boolean scale,
            boolean single,
            boolean multiple,
            boolean matrix,
            boolean shortText,
            boolean longText,
            List<Option> options,
            int optionCount,
            boolean hasEnds,
            String minLabel,
            String maxLabel,
            List<Row> rows,
            String value,
            int maxLength,
            boolean conditional,
            String showIfQuestion,
            String showIfOperator,
            String showIfValues) {}

    /** The frame every page shares. */
    record Frame(
            String lang,
            String base,
            String pageTitle,
            boolean hasLanguages,
            List<Language> languages,
            Map<String, String> t,
            String privacyUrl) {}

    record Form(
            Frame frame,
            String title,
            String intro,
            boolean showProgress,
            String progressText,
            int pageIndex,
            int pageCount,
            boolean hasErrors,
            List<ErrorLink> errors,
            String notice,
            String action,
            int page,
            String stamp,
            String resumeToken,
            OneClick oneClick,
            List<Question> questions,
            String backHref,
            boolean last,
            String resumeUrl,
            List<Hidden> hiddenFields) {}

    /** A declared hidden field the link carried, posted back as {@code h.<name>}. */
    record Hidden(String name, String value) {}

    record Message(Frame frame, String heading, String text, Link link) {}
}
