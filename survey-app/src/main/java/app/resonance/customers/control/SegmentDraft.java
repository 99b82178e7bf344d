package app.resonance.customers.control;

import app.resonance.platform.control.Texts;
import java.util.List;

/** A segment as the admin API takes it: key, names, and rules that must all hold. */
public record SegmentDraft(String key, Texts name, List<Rule> rules) {

    /** One rule: attribute (plan, region, lifecycleStage, renewalDate, locale, email or a free attribute), operator, value. */
    public record Rule(String attribute, String operator, String value) {}
}
