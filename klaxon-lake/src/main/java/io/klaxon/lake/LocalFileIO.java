package io.klaxon.lake;

import io.delta.kernel.defaults.engine.fileio.FileIO;
import io.delta.kernel.defaults.engine.fileio.InputFile;
import io.delta.kernel.defaults.engine.fileio.OutputFile;
import io.delta.kernel.defaults.engine.fileio.PositionOutputStream;
import io.delta.kernel.defaults.engine.fileio.SeekableInputStream;
import io.delta.kernel.internal.util.Utils;
import io.delta.kernel.utils.CloseableIterator;
import io.delta.kernel.utils.FileStatus;
import java.io.EOFException;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Delta Kernel's file access on the local file system with {@code java.nio}, in place of its Hadoop
 * one: Hadoop's file system asks the JDK for the current {@code Subject}, which JDK 23 and later
 * refuse without a security manager, so the Hadoop path cannot run on the JDKs Klaxon supports.
 * Paths are Hadoop-style {@code file:/absolute/path} strings, as Kernel builds them.
 *
 * <p>A commit file is written to a temporary file and hard-linked to its name, which fails when the
 * name exists: the put-if-absent that Delta's log needs so that two writers cannot both commit a
 * version.
 */
final class LocalFileIO implements FileIO {

  static Path local(String path) {
    String p = path.startsWith("file:") ? path.substring("file:".length()) : path;
    if (p.startsWith("//")) {
      p = p.substring(2); // file:///tmp/x and file:/tmp/x are the same file
    }
    return Path.of(p);
  }

  static String qualified(Path path) {
    return "file:" + path.toAbsolutePath().normalize();
  }

  @Override
  public CloseableIterator<FileStatus> listFrom(String filePath) throws IOException {
    Path from = local(filePath);
    Path directory = from.getParent();
    String first = from.getFileName().toString();
    if (directory == null || !Files.isDirectory(directory)) {
      throw new FileNotFoundException("no directory " + directory);
    }
    List<FileStatus> files;
    try (Stream<Path> listing = Files.list(directory)) {
      files =
          listing
              .filter(p -> p.getFileName().toString().compareTo(first) >= 0)
              .sorted()
              .map(LocalFileIO::status)
              .toList();
    }
    return Utils.toCloseableIterator(files.iterator());
  }

  private static FileStatus status(Path path) {
    try {
      return FileStatus.of(
          qualified(path), Files.size(path), Files.getLastModifiedTime(path).toMillis());
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Override
  public FileStatus getFileStatus(String path) throws IOException {
    Path file = local(path);
    if (!Files.exists(file)) {
      throw new FileNotFoundException(path);
    }
    return FileStatus.of(
        qualified(file), Files.size(file), Files.getLastModifiedTime(file).toMillis());
  }

  @Override
  public String resolvePath(String path) {
    return qualified(local(path));
  }

  @Override
  public boolean mkdirs(String path) throws IOException {
    Files.createDirectories(local(path));
    return true;
  }

  @Override
  public InputFile newInputFile(String path, long fileSize) {
    return new InputFile() {
      @Override
      public long length() {
        return fileSize;
      }

      @Override
      public String path() {
        return path;
      }

      @Override
      public SeekableInputStream newStream() throws IOException {
        try {
          return new ChannelInput(FileChannel.open(local(path), StandardOpenOption.READ));
        } catch (NoSuchFileException e) {
          throw new FileNotFoundException(path); // what Kernel expects of a missing file
        }
      }
    };
  }

  @Override
  public OutputFile newOutputFile(String path) {
    return new OutputFile() {
      @Override
      public String path() {
        return path;
      }

      @Override
      public PositionOutputStream create(boolean overwrite) throws IOException {
        Path file = local(path);
        Files.createDirectories(file.getParent());
        return new ChannelOutput(
            overwrite
                ? FileChannel.open(
                    file,
                    StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING)
                : FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE));
      }

      @Override
      public void writeAtomically(CloseableIterator<String> lines, boolean overwrite)
          throws IOException {
        Path file = local(path);
        Files.createDirectories(file.getParent());
        Path temporary =
            file.resolveSibling("." + file.getFileName() + "." + UUID.randomUUID() + ".tmp");
        try (lines;
            Writer writer = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8)) {
          while (lines.hasNext()) {
            writer.write(lines.next());
            writer.write('\n');
          }
        }
        publish(temporary, file, overwrite);
      }
    };
  }

  /** Gives the temporary file its name: atomically, and only if the name is free unless told. */
  private static void publish(Path temporary, Path file, boolean overwrite) throws IOException {
    try {
      if (overwrite) {
        Files.move(
            temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } else {
        Files.createLink(file, temporary); // fails if the name exists, in one system call
      }
    } catch (FileAlreadyExistsException e) {
      throw new FileAlreadyExistsException(file.toString());
    } finally {
      Files.deleteIfExists(temporary);
    }
  }

  @Override
  public boolean delete(String path) throws IOException {
    return Files.deleteIfExists(local(path));
  }

  @Override
  public Optional<String> getConf(String key) {
    return Optional.empty();
  }

  @Override
  public void copyFileAtomically(String from, String to, boolean overwrite) throws IOException {
    Path target = local(to);
    Files.createDirectories(target.getParent());
    Path temporary =
        target.resolveSibling("." + target.getFileName() + "." + UUID.randomUUID() + ".tmp");
    try {
      Files.copy(local(from), temporary);
    } catch (NoSuchFileException e) {
      throw new FileNotFoundException(from);
    }
    publish(temporary, target, overwrite);
  }

  /** A file read at any position. */
  private static final class ChannelInput extends SeekableInputStream {
    private final FileChannel channel;

    ChannelInput(FileChannel channel) {
      this.channel = channel;
    }

    @Override
    public int read() throws IOException {
      ByteBuffer one = ByteBuffer.allocate(1);
      return channel.read(one) < 1 ? -1 : one.get(0) & 0xff;
    }

    @Override
    public int read(byte[] bytes, int offset, int length) throws IOException {
      return channel.read(ByteBuffer.wrap(bytes, offset, length));
    }

    @Override
    public long getPos() throws IOException {
      return channel.position();
    }

    @Override
    public void seek(long position) throws IOException {
      channel.position(position);
    }

    @Override
    public void readFully(byte[] bytes, int offset, int length) throws IOException {
      ByteBuffer buffer = ByteBuffer.wrap(bytes, offset, length);
      while (buffer.hasRemaining()) {
        if (channel.read(buffer) < 0) {
          throw new EOFException("end of file before " + length + " bytes were read");
        }
      }
    }

    @Override
    public void close() throws IOException {
      channel.close();
    }
  }

  /** A file written from the start, knowing how far it got. */
  private static final class ChannelOutput extends PositionOutputStream {
    private final FileChannel channel;
    private final OutputStream out;

    ChannelOutput(FileChannel channel) {
      this.channel = channel;
      this.out =
          new java.io.BufferedOutputStream(
              java.nio.channels.Channels.newOutputStream(channel), 1 << 16);
    }

    @Override
    public void write(int b) throws IOException {
      out.write(b);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
      out.write(bytes, offset, length);
    }

    @Override
    public void flush() throws IOException {
      out.flush();
    }

    @Override
    public long getPos() throws IOException {
      out.flush();
      return channel.position();
    }

    @Override
    public void close() throws IOException {
      out.close();
    }
  }
}
