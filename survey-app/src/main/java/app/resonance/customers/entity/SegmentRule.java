package app.resonance.customers.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** One condition of a segment: attribute, operator, value. */
@Embeddable
public class SegmentRule {

    @Column(name = "attr_name", nullable = false)
    private String attribute;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private RuleOperator operator;

    @Column(name = "rule_value", nullable = false)
    private String value;

    protected SegmentRule() {}

    public SegmentRule(String attribute, RuleOperator operator, String value) {
        this.attribute = attribute;
        this.operator = operator;
        this.value = value == null ? "" : value;
    }

    public String attribute() {
        return attribute;
    }

    public RuleOperator operator() {
        return operator;
    }

    public String value() {
        return value;
    }

    /** Whether the customer fulfils this rule on the given day. */
    public boolean test(Customer customer, LocalDate today) {
        Optional<String> actual = customer.attribute(attribute);
        if (operator == RuleOperator.PRESENT) {
            return actual.filter(s -> !s.isBlank()).isPresent();
        }
        if (operator == RuleOperator.NOT_EQUALS) {
            return actual.map(a -> !a.equalsIgnoreCase(value)).orElse(true);
        }
        if (operator == RuleOperator.NOT_IN) {
            return actual.map(a -> values().noneMatch(a::equalsIgnoreCase)).orElse(true);
        }
        if (actual.isEmpty()) {
            return false;
        }
        String a = actual.get();
        return switch (operator) {
            case EQUALS -> a.equalsIgnoreCase(value);
            case IN -> values().anyMatch(a::equalsIgnoreCase);
            case CONTAINS -> a.toLowerCase(Locale.ROOT).contains(value.toLowerCase(Locale.ROOT));
            case BEFORE -> date(a).map(d -> d.isBefore(LocalDate.parse(value))).orElse(false);
            case AFTER -> date(a).map(d -> d.isAfter(LocalDate.parse(value))).orElse(false);
            case WITHIN_DAYS ->
                date(a).map(d -> !d.isBefore(today) && !d.isAfter(today.plusDays(Long.parseLong(value.trim()))))
                        .orElse(false);
            default -> false;
        };
    }

    private java.util.stream.Stream<String> values() {
        return Arrays.stream(value.split(",")).map(String::trim).filter(s -> !s.isEmpty());
    }

    private static Optional<LocalDate> date(String text) {
        try {
            return Optional.of(LocalDate.parse(text));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
