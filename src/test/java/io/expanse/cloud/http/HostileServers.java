package io.expanse.cloud.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import mockwebserver3.MockResponse;
import mockwebserver3.MockResponseBody;
import okio.BufferedSink;

/**
 * Scripted hostile answers for the client tests of both clouds: a server that drips its answer a byte at a time,
 * a huge body and a gzip bomb streamed without holding them in memory.
 */
public final class HostileServers {

    private HostileServers() {
    }

    /**
     * A loopback HTTP/1.1 server on a raw socket: reads each request (head and {@code Content-Length} body), counts
     * it, then writes {@code answer} one byte per {@code interval}, for as long as the client listens.
     */
    public static final class DripServer implements AutoCloseable {
        private final ServerSocket socket;
        private final byte[] answer;
        private final Duration interval;
        private final AtomicInteger requests = new AtomicInteger();

        public DripServer(String answer, Duration interval) throws IOException {
            this.socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            this.answer = answer.getBytes(StandardCharsets.ISO_8859_1);
            this.interval = interval;
            Thread acceptor = new Thread(this::accept, "drip-server-" + socket.getLocalPort());
            acceptor.setDaemon(true);
            acceptor.start();
        }

        /** A 200 JSON answer whose head alone takes {@code interval} per byte. */
        public static DripServer slowHeaders(String jsonBody, Duration interval) throws IOException {
            return new DripServer("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: "
                    + jsonBody.length() + "\r\n\r\n" + jsonBody, interval);
        }

        public URI uri() {
            return URI.create("http://127.0.0.1:" + socket.getLocalPort());
        }

        /** Requests read completely so far. */
        public int requests() {
            return requests.get();
        }

        private void accept() {
            while (!socket.isClosed()) {
                try {
                    Socket client = socket.accept();
                    Thread t = new Thread(() -> serve(client), "drip-connection");
                    t.setDaemon(true);
                    t.start();
                } catch (IOException e) {
                    return;
                }
            }
        }

        private void serve(Socket client) {
            try (client) {
                readRequest(client.getInputStream());
                requests.incrementAndGet();
                OutputStream out = client.getOutputStream();
                for (byte b : answer) {
                    out.write(b);
                    out.flush();
                    Thread.sleep(interval.toMillis());
                }
            } catch (IOException | InterruptedException e) {
                // The client gave up: that is the point.
            }
        }

        private static void readRequest(InputStream in) throws IOException {
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            long contentLength = 0;
            while (true) {
                int c = in.read();
                if (c == -1) {
                    throw new IOException("request ended early");
                }
                if (c != '\n') {
                    line.write(c);
                    continue;
                }
                String text = line.toString(StandardCharsets.ISO_8859_1).strip();
                line.reset();
                if (text.isEmpty()) {
                    break;
                }
                if (text.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                    contentLength = Long.parseLong(text.substring("content-length:".length()).strip());
                }
            }
            in.readNBytes((int) contentLength);
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }

    /** A 200 answer of {@code bytes} bytes of JSON-ish filler with a Content-Length, streamed. */
    public static MockResponse hugeBody(int code, long bytes) {
        return new MockResponse.Builder().code(code).addHeader("Content-Type", "application/json")
                .body(new MockResponseBody() {
                    @Override
                    public long getContentLength() {
                        return bytes;
                    }

                    @Override
                    public void writeTo(BufferedSink sink) throws IOException {
                        byte[] chunk = new byte[64 * 1024];
                        java.util.Arrays.fill(chunk, (byte) ' ');
                        for (long left = bytes; left > 0; left -= chunk.length) {
                            sink.write(chunk, 0, (int) Math.min(chunk.length, left));
                        }
                    }
                }).build();
    }

    /**
     * A {@code Content-Encoding: gzip} answer of about 1 MB that inflates to {@code mebibytes} MiB of zeros. One
     * deflate segment of 1 MiB of zeros, ended by a full flush (byte-aligned, back-references only inside itself), is
     * repeated; only that segment (about 1 KB) is ever in memory.
     */
    public static MockResponse gzipBomb(int code, int mebibytes) {
        byte[] zeros = new byte[1 << 20];
        byte[] segment = deflate(zeros, Deflater.FULL_FLUSH);
        byte[] end = deflate(new byte[0], -1);
        byte[] header = {0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0, 0, (byte) 0xff};
        long length = header.length + (long) segment.length * mebibytes + end.length + 8;
        return new MockResponse.Builder().code(code).addHeader("Content-Type", "application/json")
                .addHeader("Content-Encoding", "gzip")
                .body(new MockResponseBody() {
                    @Override
                    public long getContentLength() {
                        return length;
                    }

                    @Override
                    public void writeTo(BufferedSink sink) throws IOException {
                        CRC32 crc = new CRC32();
                        sink.write(header);
                        for (int i = 0; i < mebibytes; i++) {
                            sink.write(segment);
                            crc.update(zeros);
                        }
                        sink.write(end);
                        long size = (long) mebibytes << 20;
                        sink.writeIntLe((int) crc.getValue());
                        sink.writeIntLe((int) size);
                    }
                }).build();
    }

    /** Raw deflate of {@code input}, ended by {@code flush}, or finishing the stream when {@code flush} is -1. */
    private static byte[] deflate(byte[] input, int flush) {
        Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION, true);
        try {
            deflater.setInput(input);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buf = new byte[64 * 1024];
            if (flush == -1) {
                deflater.finish();
                while (!deflater.finished()) {
                    out.write(buf, 0, deflater.deflate(buf));
                }
            } else {
                int n;
                do {
                    n = deflater.deflate(buf, 0, buf.length, flush);
                    out.write(buf, 0, n);
                } while (n == buf.length);
            }
            return out.toByteArray();
        } finally {
            deflater.end();
        }
    }
}
