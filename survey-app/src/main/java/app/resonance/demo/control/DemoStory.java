package app.resonance.demo.control;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Generates the demo's customers and responses, deterministically from a seed. The story: in the
 * Business plan, post-purchase support got worse about nine months ago and NPS fell; check-in calls
 * started five months ago and NPS recovered over the following two months.
 */
public final class DemoStory {

    public static final String DIP_SEGMENT_PLAN = "Business";
    /** Days before "today" when the dip starts, when check-in calls start, and when the recovery is complete. */
    public static final int DIP_START_DAYS_AGO = 270;

    public static final int CALLS_START_DAYS_AGO = 150;
    public static final int RECOVERED_DAYS_AGO = 90;

    public static final int CUSTOMERS = 1500;
    public static final Map<String, Integer> RESPONSES = orderedCounts();

    private static final String[] REGIONS = {"DE", "DE", "DE", "DE", "AT", "CH", "FR", "UK", "UK", "NL"};
    private static final String[] NAME_STEMS = {
        "Alpen", "Nord", "Rhein", "Elb", "Isar", "Main", "Spree", "Hafen", "Berg", "Wald", "Stern", "Blau", "Kraft",
        "Lumen", "Vekt", "Orbit", "Pixel", "Quant", "Terra", "Zenit"
    };
    private static final String[] NAME_TAILS = {
        "werk", "logistik", "soft", "data", "systems", "media", "bau", "technik", "labs", "consult"
    };
    private static final String[] FORMS_DE = {"GmbH", "AG", "KG", "GmbH & Co. KG"};
    private static final String[] FORMS_EN = {"Ltd", "B.V.", "SAS", "plc"};

    private final LocalDate today;
    private final Random random;

    public DemoStory(LocalDate today, long seed) {
        this.today = today;
        this.random = new Random(seed);
    }

    private static Map<String, Integer> orderedCounts() {
        Map<String, Integer> counts = new LinkedHashMap<>();
        counts.put("relationship-nps", 12_000);
        counts.put("post-support-csat", 6_000);
        counts.put("support-effort-ces", 3_000);
        counts.put("product-feedback", 1_000);
        return Map.copyOf(counts);
    }

    public record DemoCustomer(
            String externalId,
            String name,
            String email,
            String plan,
            String region,
            String lifecycleStage,
            LocalDate renewalDate,
            String locale,
            String industry) {}

    public record DemoResponse(
            String survey,
            int customer,
            Instant submittedAt,
            String locale,
            String channel,
            Map<String, Object> answers) {}

    public List<DemoCustomer> customers() {
        List<DemoCustomer> customers = new ArrayList<>(CUSTOMERS);
        for (int i = 0; i < CUSTOMERS; i++) {
            double p = random.nextDouble();
            String plan = p < 0.2 ? "Enterprise" : p < 0.55 ? "Business" : "Starter";
            String region = REGIONS[random.nextInt(REGIONS.length)];
            boolean german = region.equals("DE") || region.equals("AT") || region.equals("CH");
            String stage = random.nextDouble() < 0.15 ? "Onboarding" : random.nextDouble() < 0.8 ? "Active" : "Renewal";
            String stem = NAME_STEMS[random.nextInt(NAME_STEMS.length)] + NAME_TAILS[random.nextInt(NAME_TAILS.length)];
            String form =
                    german ? FORMS_DE[random.nextInt(FORMS_DE.length)] : FORMS_EN[random.nextInt(FORMS_EN.length)];
            String id = String.format("C-%05d", i + 1);
            customers.add(new DemoCustomer(
                    id,
                    stem + " " + form + " (" + id + ")",
                    "feedback+" + id.toLowerCase() + "@" + stem.toLowerCase() + ".example",
                    plan,
                    region,
                    stage,
                    today.plusDays(1 + random.nextInt(365)),
                    german ? "de" : "en",
                    random.nextBoolean() ? "Manufacturing" : "Services"));
        }
        return customers;
    }

    /** The responses of one survey, oldest first, spread over the last twelve months. */
    public List<DemoResponse> responses(String survey, List<DemoCustomer> customers) {
        int count = RESPONSES.get(survey);
        List<DemoResponse> responses = new ArrayList<>(count);
        Instant end = today.atStartOfDay(ZoneOffset.UTC).toInstant();
        long span = ChronoUnit.SECONDS.between(end.minus(365, ChronoUnit.DAYS), end);
        for (int i = 0; i < count; i++) {
            Instant at = end.minusSeconds(1 + (long) (random.nextDouble() * span));
            int index = random.nextInt(customers.size());
            DemoCustomer customer = customers.get(index);
            double mood = mood(customer, at);
            Map<String, Object> answers =
                    switch (survey) {
                        case "relationship-nps" -> nps(customer, mood);
                        case "post-support-csat" -> csat(customer, mood);
                        case "support-effort-ces" -> ces(customer, mood);
                        default -> product(mood);
                    };
            String channel = random.nextDouble() < 0.6 ? "EMAIL" : random.nextDouble() < 0.5 ? "LINK" : "WIDGET";
            responses.add(new DemoResponse(survey, index, at, customer.locale(), channel, answers));
        }
        responses.sort((a, b) -> a.submittedAt().compareTo(b.submittedAt()));
        return responses;
    }

    /** How unhappy a customer is at a moment: 0 normal, up to 1 at the bottom of the Business dip. */
    double mood(DemoCustomer customer, Instant at) {
        if (!DIP_SEGMENT_PLAN.equals(customer.plan())) {
            return 0;
        }
        long daysAgo = ChronoUnit.DAYS.between(at.atZone(ZoneOffset.UTC).toLocalDate(), today);
        if (daysAgo > DIP_START_DAYS_AGO || daysAgo < RECOVERED_DAYS_AGO) {
            return 0;
        }
        if (daysAgo > CALLS_START_DAYS_AGO) {
            // Getting worse over the first month of the dip, then staying bad.
            return Math.min(1.0, (DIP_START_DAYS_AGO - daysAgo) / 30.0);
        }
        // Check-in calls: recovering linearly until RECOVERED_DAYS_AGO.
        return (double) (daysAgo - RECOVERED_DAYS_AGO) / (CALLS_START_DAYS_AGO - RECOVERED_DAYS_AGO);
    }

    private Map<String, Object> nps(DemoCustomer customer, double mood) {
        double promoter = customer.plan().equals("Enterprise") ? 0.52 : 0.45;
        double detractor = customer.plan().equals("Starter") ? 0.22 : 0.18;
        promoter -= 0.25 * mood;
        detractor += 0.32 * mood;
        double p = random.nextDouble();
        int score =
                p < detractor ? random.nextInt(7) : p < 1 - promoter ? 7 + random.nextInt(2) : 9 + random.nextInt(2);
        Map<String, Object> answers = new LinkedHashMap<>();
        answers.put("nps", score);
        String[] focus = {"support", "product", "price", "onboarding"};
        answers.put("focus", mood > 0.3 && random.nextDouble() < 0.7 ? "support" : focus[random.nextInt(focus.length)]);
        if (random.nextDouble() < 0.45) {
            answers.put("reason", comment(customer.locale(), score, mood));
        }
        return answers;
    }

    private Map<String, Object> csat(DemoCustomer customer, double mood) {
        double p = random.nextDouble();
        double bad = 0.12 + 0.35 * mood;
        int score = p < bad ? 1 + random.nextInt(3) : 4 + (random.nextDouble() < 0.55 ? 1 : 0);
        Map<String, Object> answers = new LinkedHashMap<>();
        answers.put("csat", score);
        answers.put("ces", Math.max(1, Math.min(7, score + 1 + random.nextInt(3) - 1)));
        if (random.nextDouble() < 0.35) {
            answers.put("improve", comment(customer.locale(), score * 2, mood));
        }
        return answers;
    }

    private Map<String, Object> ces(DemoCustomer customer, double mood) {
        double mean = 5.4 - 2.2 * mood;
        int score = (int) Math.round(Math.max(1, Math.min(7, mean + random.nextGaussian() * 1.2)));
        Map<String, Object> answers = new LinkedHashMap<>();
        answers.put("ces", score);
        if (random.nextDouble() < 0.3) {
            answers.put("comment", comment(customer.locale(), score + 3, mood));
        }
        return answers;
    }

    private Map<String, Object> product(double mood) {
        Map<String, Object> answers = new LinkedHashMap<>();
        answers.put("rating", Math.max(1, Math.min(5, 4 - (int) Math.round(mood * 2) + random.nextInt(2))));
        List<String> features = new ArrayList<>();
        for (String feature : new String[] {"dashboards", "exports", "integrations", "mobile"}) {
            if (random.nextDouble() < 0.4) {
                features.add(feature);
            }
        }
        if (features.isEmpty()) {
            features.add("dashboards");
        }
        answers.put("features", features);
        Map<String, String> matrix = new LinkedHashMap<>();
        for (String row : new String[] {"speed", "reliability", "design"}) {
            matrix.put(row, String.valueOf(3 + random.nextInt(3) - (mood > 0.5 ? 1 : 0)));
        }
        answers.put("aspects", matrix);
        if (random.nextDouble() < 0.3) {
            answers.put("wish", random.nextBoolean() ? "Dark mode" : "Better Excel export");
        }
        return answers;
    }

    private String comment(String locale, int score, double mood) {
        boolean de = "de".equals(locale);
        if (score <= 6 && mood > 0.2) {
            String[] bad = de
                    ? new String[] {
                        "Nach dem Kauf hat der Support tagelang nicht geantwortet.",
                        "Seit dem Upgrade warten wir ewig auf Antworten vom Support.",
                        "Nach dem Kauf haben wir eine Woche auf eine Antwort vom Support gewartet."
                    }
                    : new String[] {
                        "After we bought the upgrade, support took days to answer.",
                        "After the purchase we waited a week for support to reply.",
                        "Support tickets sit for a week since we upgraded."
                    };
            return bad[random.nextInt(bad.length)];
        }
        if (score <= 6) {
            String[] meh = de
                    ? new String[] {"Der Preis ist für unser kleines Team zu hoch.", "Die Berichte sind umständlich."}
                    : new String[] {"Too expensive for a small team.", "Reports are clumsy to build."};
            return meh[random.nextInt(meh.length)];
        }
        if (mood >= 1 && score >= 9) {
            // At the bottom of the dip, before the check-in calls: loyal customers, no topic of their own (the
            // support complaints of the detractors are what moves the score here: the driver analysis shows it)
            return de ? "Wir bleiben trotzdem dabei, danke." : "We are staying with you anyway, thanks.";
        }
        if (mood > 0 && score >= 9) {
            return de
                    ? "Die Check-in-Anrufe haben wirklich geholfen, danke!"
                    : "The check-in calls really helped, thank you!";
        }
        String[] good = de
                ? new String[] {
                    "Schnelle Hilfe und ein gutes Produkt.",
                    "Die Dashboards sparen uns viel Zeit.",
                    "Zuverlässig und einfach zu bedienen."
                }
                : new String[] {
                    "Quick help and a solid product.",
                    "The dashboards save us a lot of time.",
                    "Reliable and easy to use."
                };
        return good[random.nextInt(good.length)];
    }
}
