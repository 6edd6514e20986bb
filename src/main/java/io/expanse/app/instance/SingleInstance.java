package io.expanse.app.instance;

import io.expanse.text.Texts;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One Expanse per data folder. The first launch takes an exclusive lock on {@code instance.lock} in the folder and
 * listens on a Unix-domain socket beside it; a later launch finds the lock taken, hands its arguments over through
 * the socket (the first instance brings its window forward and acts on them) and exits. The operating system
 * releases the lock when a process dies, however it dies, so a crashed instance never blocks the next one; its
 * left-over socket file is replaced.
 *
 * <p>Unix-domain sockets exist on Linux, macOS and Windows 10 or later. Their path is limited (about 100 bytes);
 * a data folder with a longer path gets its socket in the temporary folder, named by a hash of the folder, which
 * both launches compute alike.
 */
public final class SingleInstance implements AutoCloseable {

    /**
     * The logger and the JSON mapper are made when first used (a hand-over, a problem): claiming the folder is the
     * first thing every launch does, before the window, and setting up logging or Jackson costs more than the
     * claim itself.
     */
    private static final class Lazy {
        static final Logger LOG = LoggerFactory.getLogger(SingleInstance.class);
        static final ObjectMapper JSON = new ObjectMapper();
    }
    /** Longest socket path used as is (Linux allows 107 bytes, macOS 103). */
    private static final int MAX_SOCKET_PATH = 100;
    private static final String ACK = "ok";

    /** What a launch found. */
    public sealed interface Claim permits Primary, HandedOver, Unreachable {
    }

    /** This process is the instance for the folder; keep it open for the life of the process. */
    public record Primary(SingleInstance instance) implements Claim {
    }

    /** Another process is the instance and took the arguments over: this one should exit. */
    public record HandedOver(long otherPid) implements Claim {
    }

    /**
     * Another process holds the folder but could not be reached (it may be starting or hung): this one must not
     * start either, since two writers on one folder lose data.
     */
    public record Unreachable(String reason) implements Claim {
    }

    private final FileChannel lockChannel;
    private final FileLock lock;
    private final ServerSocketChannel server;
    private final Path socket;
    private final List<List<String>> early = new ArrayList<>();
    private Consumer<List<String>> handler;
    private volatile boolean closed;

    private SingleInstance(FileChannel lockChannel, FileLock lock, ServerSocketChannel server, Path socket) {
        this.lockChannel = lockChannel;
        this.lock = lock;
        this.server = server;
        this.socket = socket;
    }

    /**
     * Claims {@code folder} for this process, or hands {@code args} to the process that has it.
     *
     * @param patience how long to keep trying to reach an instance that holds the lock but does not answer yet
     *                 (it may have just started)
     */
    public static Claim claim(Path folder, List<String> args, Duration patience) throws IOException {
        Files.createDirectories(folder);
        Path lockFile = folder.resolve("instance.lock");
        Path socket = socketPath(folder);
        long deadline = System.nanoTime() + patience.toNanos();
        String lastProblem = Texts.get("instance.noAnswer");
        while (true) {
            FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.READ);
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null;
            }
            if (lock != null) {
                return new Primary(listen(channel, lock, socket));
            }
            channel.close();
            try {
                return new HandedOver(handOver(socket, args));
            } catch (IOException e) {
                lastProblem = e.getMessage() == null ? Texts.get("instance.noAnswer") : e.getMessage();
            }
            if (System.nanoTime() > deadline) {
                return new Unreachable(Texts.get("instance.unreachable", folder.toString(), lastProblem));
            }
            sleep(100);
        }
    }

    private static SingleInstance listen(FileChannel channel, FileLock lock, Path socket) throws IOException {
        channel.truncate(0);
        channel.write(java.nio.ByteBuffer.wrap(Long.toString(ProcessHandle.current().pid())
                .getBytes(StandardCharsets.US_ASCII)));
        channel.force(true);
        ServerSocketChannel server = null;
        try {
            // A socket file left by a crashed instance: the lock proves nobody listens on it any more.
            Files.deleteIfExists(socket);
            server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
            server.bind(UnixDomainSocketAddress.of(socket));
        } catch (IOException | UnsupportedOperationException e) {
            // The lock alone still keeps a second writer away; a second launch will say it cannot reach this one.
            Lazy.LOG.warn("Single-instance socket {} not available: {}", socket, e.toString());
            if (server != null) {
                server.close();
            }
            server = null;
        }
        SingleInstance instance = new SingleInstance(channel, lock, server, socket);
        if (server != null) {
            Thread t = new Thread(instance::accept, "expanse-instance");
            t.setDaemon(true);
            t.start();
        }
        return instance;
    }

    private static long handOver(Path socket, List<String> args) throws IOException {
        if (!Files.exists(socket)) {
            throw new IOException(Texts.get("instance.noSocket"));
        }
        try (SocketChannel ch = SocketChannel.open(UnixDomainSocketAddress.of(socket))) {
            OutputStream out = Channels.newOutputStream(ch);
            out.write(Lazy.JSON.writeValueAsBytes(Map.of("args", args)));
            out.write('\n');
            out.flush();
            BufferedReader in = new BufferedReader(new InputStreamReader(Channels.newInputStream(ch),
                    StandardCharsets.UTF_8));
            String answer = in.readLine();
            if (answer == null || !answer.startsWith(ACK)) {
                throw new IOException(Texts.get("instance.unexpectedAnswer", String.valueOf(answer)));
            }
            String pid = answer.substring(ACK.length()).strip();
            return pid.isEmpty() ? -1 : Long.parseLong(pid);
        }
    }

    /**
     * Where later launches' arguments go, on the thread that accepts them (hop to the UI thread yourself).
     * Arguments that arrived before a handler was set are handed to it at once.
     */
    public void onHandover(Consumer<List<String>> handler) {
        List<List<String>> pending;
        synchronized (early) {
            this.handler = Objects.requireNonNull(handler, "handler");
            pending = List.copyOf(early);
            early.clear();
        }
        pending.forEach(handler);
    }

    private void accept() {
        while (!closed) {
            try (SocketChannel ch = server.accept()) {
                BufferedReader in = new BufferedReader(new InputStreamReader(Channels.newInputStream(ch),
                        StandardCharsets.UTF_8));
                String line = in.readLine();
                List<String> args = parse(line);
                OutputStream out = Channels.newOutputStream(ch);
                out.write((ACK + " " + ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.UTF_8));
                out.flush();
                deliver(args);
            } catch (IOException e) {
                if (!closed) {
                    Lazy.LOG.debug("A hand-over failed: {}", e.toString());
                }
            }
        }
    }

    private static List<String> parse(String line) throws IOException {
        if (line == null || line.length() > 64 * 1024) {
            throw new IOException("no usable hand-over message");
        }
        List<String> args = new ArrayList<>();
        Lazy.JSON.readTree(line).path("args").forEach(n -> args.add(n.asText()));
        return args;
    }

    private void deliver(List<String> args) {
        Consumer<List<String>> h;
        synchronized (early) {
            h = handler;
            if (h == null) {
                early.add(args);
                return;
            }
        }
        try {
            h.accept(args);
        } catch (RuntimeException e) {
            Lazy.LOG.warn("Handling a hand-over failed", e);
        }
    }

    /** The socket for a folder: beside the lock, or in the temporary folder when that path is too long. */
    static Path socketPath(Path folder) {
        Path beside = folder.toAbsolutePath().resolve("instance.sock");
        if (beside.toString().getBytes(StandardCharsets.UTF_8).length <= MAX_SOCKET_PATH) {
            return beside;
        }
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256")
                    .digest(folder.toAbsolutePath().toString().getBytes(StandardCharsets.UTF_8));
            return Path.of(System.getProperty("java.io.tmpdir"))
                    .resolve("expanse-" + HexFormat.of().formatHex(hash, 0, 8) + ".sock");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        closed = true;
        try {
            if (server != null) {
                server.close();
                Files.deleteIfExists(socket);
            }
            lock.release();
            lockChannel.close();
        } catch (IOException e) {
            Lazy.LOG.debug("Releasing the instance lock: {}", e.toString());
        }
    }
}
