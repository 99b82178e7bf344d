package app.resonance.customers.boundary;

import app.resonance.customers.entity.Segment;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A segment as the admin API answers it (a record bound by JSON-B), with the customers it holds today. */
@Schema(name = "Segment", description = "A segment with its rules and how many customers match today")
@JsonbPropertyOrder({"key", "name", "rules", "customers"})
public record SegmentJson(String key, Name name, List<Rule> rules, long customers) {

    @Schema(name = "SegmentName", description = "The segment's name in German and English")
    @JsonbPropertyOrder({"de", "en"})
    public record Name(String de, String en) {}

    @Schema(name = "SegmentRule", description = "A rule every member satisfies")
    @JsonbPropertyOrder({"attribute", "operator", "value"})
    public record Rule(String attribute, String operator, String value) {}

    static SegmentJson of(Segment segment, long members) {
        return new SegmentJson(
                segment.key(),
                new Name(segment.name().de(), segment.name().en()),
                segment.rules().stream()
                        .map(r -> new Rule(r.attribute(), r.operator().name(), r.value()))
                        .toList(),
                members);
    }
}
