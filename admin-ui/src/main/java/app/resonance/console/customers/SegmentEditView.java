package app.resonance.console.customers;

import app.resonance.console.platform.Faces;
import app.resonance.customers.control.SegmentCatalog;
import app.resonance.customers.control.SegmentDraft;
import app.resonance.customers.control.SegmentEditor;
import app.resonance.customers.entity.RuleOperator;
import app.resonance.customers.entity.SegmentRule;
import app.resonance.platform.control.Texts;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.transaction.Transactional;
import java.io.Serializable;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** Defines a segment by rules on customer attributes, with a live count of the customers it matches. */
@Named
@ViewScoped
public class SegmentEditView implements Serializable {

    private static final long serialVersionUID = 1L;

    /** The attributes offered in the editor; any free attribute name may be typed as well. */
    public static final List<String> ATTRIBUTES =
            List.of("plan", "region", "lifecycleStage", "renewalDate", "locale", "email");

    @Inject
    transient SegmentCatalog catalog;

    @Inject
    transient SegmentEditor editor;

    @Inject
    transient Clock clock;

    private String key;
    private boolean existing;
    private String nameDe;
    private String nameEn;
    private List<Rule> rules = new ArrayList<>();
    private Long liveCount;

    /** One editable rule. */
    public static class Rule implements Serializable {
        private static final long serialVersionUID = 1L;
        private String attribute = "plan";
        private String operator = RuleOperator.EQUALS.name();
        private String value;

        public String getAttribute() {
            return attribute;
        }

        public void setAttribute(String attribute) {
            this.attribute = attribute;
        }

        public String getOperator() {
            return operator;
        }

        public void setOperator(String operator) {
            this.operator = operator;
        }

        public String getValue() {
            return value;
        }

        public void setValue(String value) {
            this.value = value;
        }
    }

    /** Reads the segment named by the view parameter, or starts a new one. */
    public void load() {
        if (key != null && !key.isBlank() && rules.isEmpty()) {
            catalog.byKey(key).ifPresent(segment -> {
                existing = true;
                nameDe = segment.name().de();
                nameEn = segment.name().en();
                segment.rules().forEach(r -> {
                    Rule rule = new Rule();
                    rule.attribute = r.attribute();
                    rule.operator = r.operator().name();
                    rule.value = r.value();
                    rules.add(rule);
                });
            });
        }
        if (rules.isEmpty()) {
            rules.add(new Rule());
        }
        recount();
    }

    public void addRule() {
        rules.add(new Rule());
        recount();
    }

    public void removeRule(Rule rule) {
        rules.remove(rule);
        recount();
    }

    /** Counts the customers the rules as they stand match (unless a rule is incomplete). */
    public void recount() {
        SegmentDraft onlyRules = new SegmentDraft("count", Texts.of("-", "-"), draft().rules());
        if (!SegmentEditor.validate("count", onlyRules, Faces.messages()).isEmpty()) {
            liveCount = null;
            return;
        }
        List<SegmentRule> parsed = rules.stream()
                .map(r -> new SegmentRule(
                        r.attribute, RuleOperator.valueOf(r.operator), r.value == null ? "" : r.value.strip()))
                .toList();
        liveCount = catalog.count(parsed, LocalDate.now(clock));
    }

    private SegmentDraft draft() {
        return new SegmentDraft(
                key,
                Texts.of(nameDe, nameEn),
                rules.stream()
                        .map(r -> new SegmentDraft.Rule(r.attribute, r.operator, r.value))
                        .toList());
    }

    @Transactional
    public String save() {
        try {
            editor.save(key == null ? null : key.strip(), draft(), Faces.messages());
        } catch (SegmentEditor.InvalidSegmentException e) {
            Faces.fieldErrors("segment", e.errors());
            return null;
        }
        Faces.info("segment.saved");
        return "/admin/segments?faces-redirect=true";
    }

    public String getLiveCountText() {
        return liveCount == null ? Faces.text("segment.countUnknown") : Faces.text("segment.liveCount", liveCount);
    }

    public List<String> completeAttribute(String prefix) {
        return ATTRIBUTES.stream()
                .filter(a -> a.startsWith(prefix == null ? "" : prefix))
                .toList();
    }

    public RuleOperator[] getOperators() {
        return RuleOperator.values();
    }

    public String getKey() {
        return key;
    }

    public void setKey(String key) {
        this.key = key;
    }

    public boolean isExisting() {
        return existing;
    }

    public String getNameDe() {
        return nameDe;
    }

    public void setNameDe(String nameDe) {
        this.nameDe = nameDe;
    }

    public String getNameEn() {
        return nameEn;
    }

    public void setNameEn(String nameEn) {
        this.nameEn = nameEn;
    }

    public List<Rule> getRules() {
        return rules;
    }
}
