package io.expanse.app.instance;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A launch in a child JVM for {@link SingleInstanceTest}: claims the folder in args[0] with the remaining
 * arguments, prints what it found, and as the primary waits up to args[1] seconds for one hand-over and prints it.
 */
public final class InstanceProbe {

    private InstanceProbe() {
    }

    public static void main(String[] args) throws Exception {
        Path folder = Path.of(args[0]);
        long waitSeconds = Long.parseLong(args[1]);
        List<String> rest = Arrays.asList(args).subList(2, args.length);
        SingleInstance.Claim claim = SingleInstance.claim(folder, rest, Duration.ofSeconds(10));
        if (claim instanceof SingleInstance.Primary p) {
            System.out.println("primary");
            System.out.flush();
            CountDownLatch got = new CountDownLatch(1);
            p.instance().onHandover(a -> {
                System.out.println("received " + a);
                System.out.flush();
                got.countDown();
            });
            got.await(waitSeconds, TimeUnit.SECONDS);
            p.instance().close();
        } else if (claim instanceof SingleInstance.HandedOver h) {
            System.out.println("handed-over " + h.otherPid());
        } else {
            System.out.println("unreachable " + ((SingleInstance.Unreachable) claim).reason());
        }
    }
}
