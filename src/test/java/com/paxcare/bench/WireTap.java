package com.paxcare.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A TCP relay between a PaxCare node and PostgreSQL that reads the wire protocol as it passes, for what the
 * statement log cannot say: which statements the client sent without waiting for an answer (one round trip,
 * e.g. a pipelined batch), and the values each statement returned (so a later statement's parameter can be
 * traced to the result it came from). It changes nothing on the way; it only costs a hop, so it is used to
 * capture one event, never while measuring.
 *
 * <p>A connection is named by its backend's process id (from BackendKeyData), as in PostgreSQL's log. A
 * client message starts a new round trip when the server had answered something since the round trip before
 * began: the client may have waited for it. While recording, every answer is held for a millisecond before it is
 * passed on, so that statements a client writes one after the other without waiting (a batch, queries issued side
 * by side) all arrive before any answer, however the threads are scheduled.
 */
final class WireTap implements AutoCloseable {
  /** At most this many rows of each result are kept. */
  private static final int ROWS_KEPT = 25;
  /** How long answers are held while recording. */
  private static final long HOLD_NANOS = 1_000_000;

  /** One Execute (or simple Query) as it went over the wire. */
  record Execution(int pid, int flight, String statement, boolean simple, List<String> columns,
      List<List<String>> rows, int rowCount, String tag) {
    /** Rows returned or written: the last number of the command tag ({@code INSERT 0 1}, {@code UPDATE 3}). */
    long affected() {
      String[] words = tag == null ? new String[0] : tag.split(" ");
      try {
        return words.length > 1 ? Long.parseLong(words[words.length - 1]) : 0;
      } catch (NumberFormatException e) {
        return 0;
      }
    }
  }

  private final ServerSocket listener;
  private final int targetPort;
  private final List<Execution> recorded = Collections.synchronizedList(new ArrayList<>());
  private final List<Socket> sockets = Collections.synchronizedList(new ArrayList<>());
  private volatile boolean recording;
  private volatile boolean closed;

  WireTap(int targetPort) throws IOException {
    this.targetPort = targetPort;
    this.listener = new ServerSocket(0, 200, InetAddress.getLoopbackAddress());
    Thread acceptor = new Thread(this::accept, "wiretap-accept");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  int port() {
    return listener.getLocalPort();
  }

  /** Starts keeping executions (forgetting any kept before). */
  void record() {
    recorded.clear();
    recording = true;
  }

  /** Stops keeping executions and answers those kept since {@link #record()}. */
  List<Execution> stop() {
    recording = false;
    synchronized (recorded) {
      return List.copyOf(recorded);
    }
  }

  private void accept() {
    while (!closed) {
      try {
        Socket client = listener.accept();
        Socket server = new Socket(InetAddress.getLoopbackAddress(), targetPort);
        client.setTcpNoDelay(true);
        server.setTcpNoDelay(true);
        sockets.add(client);
        sockets.add(server);
        Link link = new Link();
        start("wiretap-c2s", () -> link.frontend(client, server));
        start("wiretap-s2c", () -> link.backend(server, client));
      } catch (IOException e) {
        if (!closed) {
          System.err.println("WireTap: " + e);
        }
      }
    }
  }

  private static void start(String name, Runnable body) {
    Thread thread = new Thread(body, name);
    thread.setDaemon(true);
    thread.start();
  }

  @Override
  public void close() throws IOException {
    closed = true;
    listener.close();
    synchronized (sockets) {
      for (Socket socket : sockets) {
        socket.close();
      }
    }
  }

  /** What the client asked for and awaits, in order: the server answers in the same order. */
  private record Pending(char kind, String name, String statement, short[] formats, int flight) {
  }

  /** One client connection and its server connection. */
  private final class Link {
    private final ArrayDeque<Pending> pending = new ArrayDeque<>();
    /** Whether server bytes were passed to the client since the current round trip began. */
    private final java.util.concurrent.atomic.AtomicBoolean answered = new java.util.concurrent.atomic.AtomicBoolean();
    private volatile int pid;
    private boolean ready;
    private int flight;
    /** portal -> statement and result formats (client thread only). */
    private final Map<String, Object[]> portals = new HashMap<>();
    /** statement or "portal:" name -> column names and type oids (server thread only). */
    private final Map<String, List<Object[]>> descriptions = new HashMap<>();

    void frontend(Socket client, Socket server) {
      try (InputStream in = client.getInputStream(); OutputStream out = server.getOutputStream()) {
        Framer framer = new Framer(true);
        byte[] chunk = new byte[1 << 18];
        int n;
        while ((n = in.read(chunk)) > 0) {
          if (answered.getAndSet(false)) {
            flight++;
          }
          for (ByteBuffer message : framer.feed(chunk, n)) {
            onFrontend(message);
          }
          out.write(chunk, 0, n);
          out.flush();
        }
      } catch (IOException ignored) {
        // the connection is closed
      } finally {
        closeQuietly(client, server);
      }
    }

    void backend(Socket server, Socket client) {
      try (InputStream in = server.getInputStream(); OutputStream out = client.getOutputStream()) {
        Framer framer = new Framer(false);
        byte[] chunk = new byte[1 << 18];
        int n;
        while ((n = in.read(chunk)) > 0) {
          for (ByteBuffer message : framer.feed(chunk, n)) {
            onBackend(message);
          }
          if (recording) {
            // Answers are held back a moment while recording: a client that waits for them sends its next
            // statement after they arrive (a new round trip), one that pipelines has sent it already.
            java.util.concurrent.locks.LockSupport.parkNanos(HOLD_NANOS);
          }
          out.write(chunk, 0, n);
          out.flush();
          answered.set(true);
        }
      } catch (IOException ignored) {
        // the connection is closed
      } finally {
        closeQuietly(client, server);
      }
    }

    private void onFrontend(ByteBuffer message) {
      char type = (char) message.get();
      message.getInt();
      switch (type) {
        case 'Q' -> {
          synchronized (pending) {
            pending.add(new Pending('Q', null, cString(message), null, flight));
          }
        }
        case 'B' -> {
          String portal = cString(message);
          String statement = cString(message);
          short formatCount = message.getShort();
          for (int i = 0; i < formatCount; i++) {
            message.getShort();
          }
          short params = message.getShort();
          for (int i = 0; i < params; i++) {
            int length = message.getInt();
            if (length > 0) {
              message.position(message.position() + length);
            }
          }
          short resultCount = message.getShort();
          short[] formats = new short[resultCount];
          for (int i = 0; i < resultCount; i++) {
            formats[i] = message.getShort();
          }
          portals.put(portal, new Object[] {statement, formats});
        }
        case 'D' -> {
          char what = (char) message.get();
          String name = cString(message);
          synchronized (pending) {
            pending.add(new Pending(what == 'S' ? 'd' : 'p', name, null, null, flight));
          }
        }
        case 'E' -> {
          String portal = cString(message);
          Object[] bound = portals.getOrDefault(portal, new Object[] {"", new short[0]});
          synchronized (pending) {
            pending.add(new Pending('E', portal, (String) bound[0], (short[]) bound[1], flight));
          }
        }
        case 'S' -> {
          synchronized (pending) {
            pending.add(new Pending('S', null, null, null, flight));
          }
        }
        default -> {
          // Parse, Close, Flush, Terminate, password...: nothing to follow
        }
      }
    }

    private List<String> columns;
    private short[] formats;
    private final List<List<String>> rows = new ArrayList<>();
    private int rowCount;
    private List<Object[]> current;

    /** Handles one server message. */
    private void onBackend(ByteBuffer message) {
      char type = (char) message.get();
      message.getInt();
      synchronized (pending) {
        Pending head = pending.peek();
        switch (type) {
          case 'K' -> pid = message.getInt();
          case 'T' -> {
            List<Object[]> description = new ArrayList<>();
            short count = message.getShort();
            for (int i = 0; i < count; i++) {
              String name = cString(message);
              message.getInt();
              message.getShort();
              int oid = message.getInt();
              message.getShort();
              message.getInt();
              message.getShort();
              description.add(new Object[] {name, oid});
            }
            if (head != null && head.kind() == 'd') {
              descriptions.put(head.name(), description);
              pending.poll();
            } else if (head != null && head.kind() == 'p') {
              descriptions.put("portal:" + head.name(), description);
              pending.poll();
            } else {
              current = description; // a simple query's result
            }
          }
          case 'n' -> {
            if (head != null && (head.kind() == 'd' || head.kind() == 'p')) {
              pending.poll();
            }
          }
          case 'D' -> {
            if (head != null && (head.kind() == 'E' || head.kind() == 'Q')) {
              List<Object[]> description = head.kind() == 'Q' ? current
                  : descriptions.getOrDefault("portal:" + head.name(), descriptions.get(head.statement()));
              rowCount++;
              if (rows.size() < ROWS_KEPT) {
                rows.add(decode(message, description, head.kind() == 'Q' ? new short[0] : head.formats()));
              }
              if (columns == null && description != null) {
                columns = description.stream().map(d -> (String) d[0]).toList();
              }
            }
          }
          case 'C', 'I', 's' -> {
            String tag = type == 'C' ? cString(message) : "";
            if (head != null && head.kind() == 'E') {
              finish(head, tag);
              pending.poll();
            } else if (head != null && head.kind() == 'Q') {
              finish(head, tag);
            }
          }
          case 'E' -> {
            // An error: the server skips everything up to the next Sync.
            while (!pending.isEmpty() && pending.peek().kind() != 'S' && pending.peek().kind() != 'Q') {
              pending.poll();
            }
            clearResult();
          }
          case 'Z' -> {
            if (!ready) {
              ready = true; // the first one ends the start-up: no Sync asked for it
              return;
            }
            while (!pending.isEmpty()) {
              Pending done = pending.poll();
              if (done.kind() == 'S' || done.kind() == 'Q') {
                break;
              }
            }
            clearResult();
          }
          default -> {
            // ParseComplete, BindComplete, ParameterDescription, notices...
          }
        }
      }
    }

    private void finish(Pending head, String tag) {
      if (recording) {
        recorded.add(new Execution(pid, head.flight(), head.statement(), head.kind() == 'Q',
            columns == null ? List.of() : columns, List.copyOf(rows), rowCount, tag));
      }
      clearResult();
    }

    private void clearResult() {
      columns = null;
      rows.clear();
      rowCount = 0;
    }
  }

  /** A row's values as text: integers, uuids, text and booleans decoded, other binary values left out. */
  private static List<String> decode(ByteBuffer message, List<Object[]> description, short[] formats) {
    short count = message.getShort();
    List<String> values = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      int length = message.getInt();
      if (length < 0) {
        values.add(null);
        continue;
      }
      byte[] bytes = new byte[length];
      message.get(bytes);
      short format = formats.length == 0 ? 0 : formats.length == 1 ? formats[0] : formats[i];
      if (format == 0) {
        values.add(new String(bytes, StandardCharsets.UTF_8));
        continue;
      }
      int oid = description == null || i >= description.size() ? 0 : (int) description.get(i)[1];
      ByteBuffer value = ByteBuffer.wrap(bytes);
      values.add(switch (oid) {
        case 20 -> Long.toString(value.getLong());
        case 23, 26 -> Integer.toString(value.getInt());
        case 21 -> Short.toString(value.getShort());
        case 16 -> bytes[0] != 0 ? "t" : "f";
        case 2950 -> new UUID(value.getLong(), value.getLong()).toString();
        case 25, 1043, 1042, 19 -> new String(bytes, StandardCharsets.UTF_8);
        default -> "?";
      });
    }
    return values;
  }

  private static String cString(ByteBuffer buffer) {
    int start = buffer.position();
    while (buffer.get() != 0) {
      // find the terminating zero
    }
    return new String(buffer.array(), buffer.arrayOffset() + start, buffer.position() - start - 1,
        StandardCharsets.UTF_8);
  }

  private static void closeQuietly(Socket a, Socket b) {
    try {
      a.close();
      b.close();
    } catch (IOException ignored) {
      // closing anyway
    }
  }

  /**
   * Cuts a byte stream into protocol messages (type byte, length, body). The client's first message (startup,
   * or an SSL request) has no type byte; the server's one-byte answer to an SSL request is not framed either.
   */
  private static final class Framer {
    private final boolean frontend;
    private boolean started;
    private byte[] buffer = new byte[1 << 16];
    private int length;

    Framer(boolean frontend) {
      this.frontend = frontend;
      this.started = !frontend;
    }

    List<ByteBuffer> feed(byte[] chunk, int n) {
      if (length + n > buffer.length) {
        buffer = java.util.Arrays.copyOf(buffer, Math.max(buffer.length * 2, length + n));
      }
      System.arraycopy(chunk, 0, buffer, length, n);
      length += n;
      List<ByteBuffer> messages = new ArrayList<>();
      int at = 0;
      while (true) {
        if (!started) {
          if (length - at < 8) {
            break;
          }
          int size = ByteBuffer.wrap(buffer, at, 4).getInt();
          if (length - at < size) {
            break;
          }
          int code = ByteBuffer.wrap(buffer, at + 4, 4).getInt();
          at += size;
          if (code != 80877103 && code != 80877104) {
            started = true; // the startup message (an SSL or GSS request is answered with one byte: unsupported)
          }
          continue;
        }
        if (length - at < 5) {
          break;
        }
        int size = ByteBuffer.wrap(buffer, at + 1, 4).getInt();
        if (length - at < size + 1) {
          break;
        }
        messages.add(ByteBuffer.wrap(java.util.Arrays.copyOfRange(buffer, at, at + size + 1)));
        at += size + 1;
      }
      System.arraycopy(buffer, at, buffer, 0, length - at);
      length -= at;
      return messages;
    }
  }
}
