import java.net.InetAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A load client for the demo app with nothing to install: run it with {@code java LoadClient.java}.
 *
 * <p>It sends a warm-up batch to each endpoint ({@code GET /add} and {@code GET /greet}), then a
 * measured batch to each from a fixed number of threads, each waiting for its answer before sending the
 * next (a closed loop), and checks every answer: status 200 and exactly the body the module must
 * give. It prints throughput and latency percentiles per endpoint and exits with 1 when any
 * request failed or got a wrong answer. Bounded in count and in time, and it only talks to a
 * loopback address.
 *
 * <pre>
 * java LoadClient.java [--base http://127.0.0.1:8080] [--concurrency 16] [--requests 20000]
 *                      [--warmup 3000] [--max-seconds 300] [--wait-healthy 90] [--endpoints add,greet]
 * </pre>
 */
public class LoadClient {

    /** What the run is told by its flags. */
    record Settings(URI base, int concurrency, int requests, int warmup, Duration maxTime, Duration waitHealthy, List<String> endpoints) {

        static Settings parse(String[] args) {
            Map<String, String> flags = new TreeMap<>(Map.of("--base", "http://127.0.0.1:8080", "--concurrency", "16",
                    "--requests", "20000", "--warmup", "3000", "--max-seconds", "300", "--wait-healthy", "0",
                    "--endpoints", "add,greet"));
            for (int i = 0; i < args.length; i += 2) {
                if (!flags.containsKey(args[i]) || i + 1 >= args.length) {
                    throw new IllegalArgumentException("unknown flag or missing value: " + args[i] + "; flags: " + flags.keySet());
                }
                flags.put(args[i], args[i + 1]);
            }
            return new Settings(URI.create(flags.get("--base")), positive(flags, "--concurrency"), positive(flags, "--requests"),
                    Integer.parseInt(flags.get("--warmup")), Duration.ofSeconds(positive(flags, "--max-seconds")),
                    Duration.ofSeconds(Integer.parseInt(flags.get("--wait-healthy"))), List.of(flags.get("--endpoints").split(",")));
        }

        private static int positive(Map<String, String> flags, String name) {
            int value = Integer.parseInt(flags.get(name));
            if (value <= 0) {
                throw new IllegalArgumentException(name + " must be positive");
            }
            return value;
        }
    }

    /** One endpoint: the request for call number {@code i}, and the body it must answer with. */
    interface Endpoint {
        String name();

        String path(int i);

        String expectedBody(int i);
    }

    /** {@code /add?x=..&y=..}: the i32 sum, wrapping like the module's {@code i32.add}. */
    static final class Add implements Endpoint {
        public String name() {
            return "GET /add";
        }

        public String path(int i) {
            return "/add?x=" + x(i) + "&y=" + y(i);
        }

        public String expectedBody(int i) {
            return Integer.toString(x(i) + y(i));
        }

        private static int x(int i) {
            return i * 7919 - 1_000_000;
        }

        private static int y(int i) {
            return i % 3 == 0 ? Integer.MAX_VALUE - i : i;
        }
    }

    /** {@code /greet?name=..}: names of varying length, some beyond ASCII, round-tripped through the module's memory. */
    static final class Greet implements Endpoint {
        private static final String[] STEMS = {"Ada", "Grace", "Jürgen", "Zoë 🌍", "Łukasz", "名前"};

        public String name() {
            return "GET /greet";
        }

        public String path(int i) {
            return "/greet?name=" + URLEncoder.encode(name(i), StandardCharsets.UTF_8);
        }

        public String expectedBody(int i) {
            return "Hello, " + name(i) + "!\n";
        }

        private static String name(int i) {
            return STEMS[i % STEMS.length] + "-" + i + "x".repeat(i % 40);
        }
    }

    /** The outcome of one batch on one endpoint. */
    record Result(String endpoint, int sent, int errors, double seconds, long[] latencyNanos, List<String> firstErrors, boolean timedOut) {

        double throughput() {
            return sent / seconds;
        }

        double percentileMillis(double p) {
            if (latencyNanos.length == 0) {
                return Double.NaN;
            }
            int index = (int) Math.ceil(p / 100 * latencyNanos.length) - 1;
            return latencyNanos[Math.max(0, Math.min(index, latencyNanos.length - 1))] / 1e6;
        }
    }

    public static void main(String[] args) throws Exception {
        Settings settings;
        try {
            settings = Settings.parse(args);
            requireLoopback(settings.base());
        } catch (IllegalArgumentException e) {
            System.err.println("LoadClient: " + e.getMessage());
            System.exit(2);
            return;
        }
        HttpClient client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .executor(Executors.newFixedThreadPool(4))
                .build();
        if (!settings.waitHealthy().isZero() && !waitHealthy(client, settings)) {
            System.err.println("LoadClient: the app at " + settings.base() + " was not healthy within " + settings.waitHealthy().toSeconds() + " s");
            System.exit(1);
        }
        System.out.printf(Locale.ROOT, "Load on %s: %d threads, %d warm-up + %d measured requests per endpoint (JDK %s, %d cores)%n",
                settings.base(), settings.concurrency(), settings.warmup(), settings.requests(),
                Runtime.version().feature(), Runtime.getRuntime().availableProcessors());
        List<Endpoint> endpoints = new ArrayList<>();
        for (String name : settings.endpoints()) {
            endpoints.add(switch (name) {
                case "add" -> new Add();
                case "greet" -> new Greet();
                default -> throw new IllegalArgumentException("unknown endpoint " + name + "; known: add, greet");
            });
        }
        List<Result> results = new ArrayList<>();
        // warm every endpoint up before measuring any, so that none pays for the JIT warming up the shared web stack
        for (Endpoint endpoint : endpoints) {
            Result warm = settings.warmup() > 0 ? run(client, settings, endpoint, settings.warmup(), 0) : null;
            if (warm != null && warm.errors() > 0) {
                results.add(warm);
            }
        }
        if (results.isEmpty()) {
            for (Endpoint endpoint : endpoints) {
                results.add(run(client, settings, endpoint, settings.requests(), settings.warmup()));
            }
        }
        System.out.printf(Locale.ROOT, "%-11s %9s %7s %8s %9s %8s %8s %8s %8s%n",
                "endpoint", "requests", "errors", "seconds", "req/s", "p50 ms", "p90 ms", "p99 ms", "max ms");
        boolean failed = false;
        for (Result r : results) {
            System.out.printf(Locale.ROOT, "%-11s %9d %7d %8.1f %9.0f %8.2f %8.2f %8.2f %8.2f%s%n",
                    r.endpoint(), r.sent(), r.errors(), r.seconds(), r.throughput(), r.percentileMillis(50), r.percentileMillis(90),
                    r.percentileMillis(99), r.percentileMillis(100), r.timedOut() ? "  (stopped at the time limit)" : "");
            r.firstErrors().forEach(e -> System.out.println("  error: " + e));
            failed |= r.errors() > 0;
        }
        System.out.println(failed ? "FAILED: some requests failed or got a wrong answer" : "OK: every answer was right");
        System.exit(failed ? 1 : 0);
    }

    /** Sends {@code count} requests to {@code endpoint} from the configured number of threads, each in a closed loop. */
    static Result run(HttpClient client, Settings settings, Endpoint endpoint, int count, int firstIndex) throws Exception {
        AtomicInteger next = new AtomicInteger();
        AtomicInteger errors = new AtomicInteger();
        AtomicLong deadline = new AtomicLong(System.nanoTime() + settings.maxTime().toNanos());
        ConcurrentLinkedQueue<String> firstErrors = new ConcurrentLinkedQueue<>();
        long[] latencies = new long[count];
        Arrays.fill(latencies, -1);
        ExecutorService workers = Executors.newFixedThreadPool(settings.concurrency());
        long start = System.nanoTime();
        List<Future<?>> running = new ArrayList<>();
        for (int t = 0; t < settings.concurrency(); t++) {
            running.add(workers.submit(() -> {
                for (int n = next.getAndIncrement(); n < count && System.nanoTime() < deadline.get(); n = next.getAndIncrement()) {
                    int i = firstIndex + n;
                    HttpRequest request = HttpRequest.newBuilder(settings.base().resolve(endpoint.path(i)))
                            .timeout(Duration.ofSeconds(30)).GET().build();
                    long sent = System.nanoTime();
                    String problem;
                    try {
                        HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
                        latencies[n] = System.nanoTime() - sent;
                        String expected = endpoint.expectedBody(i);
                        problem = response.statusCode() != 200 ? "status " + response.statusCode() + " for " + endpoint.path(i) + ": " + response.body()
                                : !response.body().equals(expected) ? "wrong body for " + endpoint.path(i) + ": " + response.body() : null;
                    } catch (Exception e) {
                        latencies[n] = System.nanoTime() - sent;
                        problem = e + " for " + endpoint.path(i);
                    }
                    if (problem != null && errors.incrementAndGet() <= 5) {
                        firstErrors.add(problem);
                    }
                }
                return null;
            }));
        }
        for (Future<?> f : running) {
            f.get();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        workers.shutdown();
        long[] done = Arrays.stream(latencies).filter(l -> l >= 0).sorted().toArray();
        return new Result(endpoint.name(), done.length, errors.get(), seconds, done, List.copyOf(firstErrors), done.length < count);
    }

    /** Polls {@code /actuator/health} until it answers 200 with status UP, for at most the configured time. */
    static boolean waitHealthy(HttpClient client, Settings settings) throws InterruptedException {
        long until = System.nanoTime() + settings.waitHealthy().toNanos();
        HttpRequest health = HttpRequest.newBuilder(settings.base().resolve("/actuator/health")).timeout(Duration.ofSeconds(2)).build();
        while (System.nanoTime() < until) {
            try {
                HttpResponse<String> r = client.send(health, HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200 && r.body().contains("\"UP\"")) {
                    return true;
                }
            } catch (java.io.IOException notYet) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        return false;
    }

    /** Load goes to this machine only. */
    static void requireLoopback(URI base) {
        try {
            if (base.getHost() == null || !InetAddress.getByName(base.getHost()).isLoopbackAddress()) {
                throw new IllegalArgumentException("--base must be a loopback address (127.0.0.1, localhost, [::1]), not " + base);
            }
        } catch (java.net.UnknownHostException e) {
            throw new IllegalArgumentException("unknown host in --base: " + base.getHost());
        }
    }
}
