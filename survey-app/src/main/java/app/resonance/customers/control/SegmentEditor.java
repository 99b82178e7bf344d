package app.resonance.customers.control;

import app.resonance.audit.control.AuditDetail;
import app.resonance.audit.control.AuditLog;
import app.resonance.audit.entity.AuditArea;
import app.resonance.customers.entity.RuleOperator;
import app.resonance.customers.entity.Segment;
import app.resonance.customers.entity.SegmentRule;
import app.resonance.platform.control.FieldError;
import app.resonance.platform.control.Messages;
import app.resonance.platform.control.TextRules;
import app.resonance.platform.entity.LocalizedText;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** Defines segments, after checking every rule. Runs in the caller's transaction. */
@ApplicationScoped
public class SegmentEditor {

    static final Pattern KEY = Pattern.compile("[a-z0-9]+(?:-[a-z0-9]+)*");
    static final Pattern ATTRIBUTE = Pattern.compile("[a-zA-Z][a-zA-Z0-9_]{0,59}");

    @PersistenceContext
    EntityManager em;

    @Inject
    SegmentCatalog catalog;

    @Inject
    Clock clock;

    @Inject
    AuditLog audit;

    public SegmentEditor() {}

    /**
     * An editor outside the container (a test, the demo loader) on this entity manager, in its transaction, with
     * this clock and without an audit log.
     */
    public static SegmentEditor on(EntityManager em, Clock clock) {
        SegmentEditor editor = new SegmentEditor();
        editor.em = em;
        editor.catalog = new SegmentCatalog(em);
        editor.clock = clock;
        return editor;
    }

    /** Creates the segment, or redefines the one with this key. */
    public Segment save(String key, SegmentDraft draft, Messages messages) {
        List<FieldError> errors = validate(key, draft, messages);
        if (!errors.isEmpty()) {
            throw new InvalidSegmentException(errors);
        }
        List<SegmentRule> rules = draft.rules().stream()
                .map(r -> new SegmentRule(
                        r.attribute(),
                        RuleOperator.valueOf(r.operator()),
                        r.value() == null ? "" : r.value().strip()))
                .toList();
        LocalizedText name =
                new LocalizedText(draft.name().de().strip(), draft.name().en().strip());
        List<AuditDetail> summary = rules.stream()
                .map(r -> r.operator() == RuleOperator.WITHIN_DAYS
                        ? AuditDetail.of("ruleWithinDays", r.attribute(), r.value())
                        : AuditDetail.of("rule", r.attribute(), AuditDetail.text("operator", r.operator()), r.value()))
                .toList();
        var existing = catalog.byKey(key);
        if (existing.isPresent()) {
            existing.get().define(name, rules, clock.instant());
            audit(key, "redefined", summary);
            return existing.get();
        }
        Segment segment = new Segment(key, name, rules, clock.instant());
        em.persist(segment);
        em.flush();
        audit(key, "created", summary);
        return segment;
    }

    private void audit(String key, String action, List<AuditDetail> summary) {
        if (audit != null) {
            audit.record(AuditArea.SEGMENT, key, action, summary);
        }
    }

    public static List<FieldError> validate(String key, SegmentDraft draft, Messages messages) {
        List<FieldError> errors = new ArrayList<>();
        if (key == null
                || key.length() < 2
                || key.length() > 60
                || !KEY.matcher(key).matches()) {
            errors.add(messages.error("key", "slug"));
        }
        for (String language : List.of("de", "en")) {
            String text = draft.name() == null
                    ? null
                    : ("de".equals(language) ? draft.name().de() : draft.name().en());
            messages.checkText("name." + language, text, true, 120, errors);
        }
        List<SegmentDraft.Rule> rules = draft.rules() == null ? List.of() : draft.rules();
        if (rules.isEmpty()) {
            errors.add(messages.error("rules", "minOptions", 1));
        }
        if (rules.size() > 20) {
            errors.add(messages.error("rules", "tooMany", 20));
        }
        for (int i = 0; i < rules.size(); i++) {
            SegmentDraft.Rule rule = rules.get(i);
            String field = "rules[" + i + "]";
            if (rule == null) {
                errors.add(messages.error(field, "required"));
                continue;
            }
            if (rule.attribute() == null || !ATTRIBUTE.matcher(rule.attribute()).matches()) {
                errors.add(messages.error(field + ".attribute", "attributeName"));
            }
            RuleOperator operator = null;
            for (RuleOperator candidate : RuleOperator.values()) {
                if (candidate.name().equals(rule.operator())) {
                    operator = candidate;
                }
            }
            if (operator == null) {
                errors.add(
                        messages.error(field + ".operator", "oneOf", java.util.Arrays.toString(RuleOperator.values())));
                continue;
            }
            String value = rule.value() == null ? "" : rule.value().strip();
            if (operator != RuleOperator.PRESENT && value.isEmpty()) {
                errors.add(messages.error(field + ".value", "required"));
            } else if (value.length() > 300 || !TextRules.isClean(value)) {
                errors.add(messages.error(field + ".value", "tooLong", 300));
            } else if (operator == RuleOperator.BEFORE || operator == RuleOperator.AFTER) {
                try {
                    LocalDate.parse(value);
                } catch (DateTimeParseException e) {
                    errors.add(messages.error(field + ".value", "expectedDate"));
                }
            } else if (operator == RuleOperator.WITHIN_DAYS && !value.matches("\\d{1,4}")) {
                errors.add(messages.error(field + ".value", "expectedDays"));
            }
        }
        return errors;
    }

    /** The definition breaks a rule; the errors name the fields. */
    public static class InvalidSegmentException extends RuntimeException {
        private final transient List<FieldError> errors;

        public InvalidSegmentException(List<FieldError> errors) {
            super("Invalid segment");
            this.errors = errors;
        }

        public List<FieldError> errors() {
            return errors;
        }
    }
}
