package app.resonance.console.customers;

import app.resonance.customers.control.SegmentCatalog;
import app.resonance.customers.entity.Segment;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The segments with their rules and how many customers each holds today (counted by the database). */
@Named
@RequestScoped
public class SegmentsView {

    @Inject
    SegmentCatalog catalog;

    @Inject
    Clock clock;

    private List<Segment> segments;
    private Map<Segment, Long> counts;

    @PostConstruct
    void load() {
        segments = catalog.visible();
        counts = catalog.countMembers(segments, LocalDate.now(clock));
    }

    public List<Segment> getSegments() {
        return segments;
    }

    public long count(Segment segment) {
        return counts.getOrDefault(segment, 0L);
    }

    public String rules(Segment segment) {
        return segment.rules().stream()
                .map(r -> r.attribute() + " " + r.operator() + (r.value().isEmpty() ? "" : " " + r.value()))
                .collect(Collectors.joining(" · "));
    }
}
