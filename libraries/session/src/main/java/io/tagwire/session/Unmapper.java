package io.tagwire.session;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Field;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;

/**
 * Unmaps a file mapping now rather than when the garbage collector finds its buffer. An
 * engine that allocates nothing per message may go hours without a collection, and a
 * journal that takes a new mapping every few megabytes would meanwhile hold thousands of
 * them, up to the kernel's limit ({@code vm.max_map_count}, 65,530 by default), after
 * which mapping fails. Java 17 has no public call for it: this uses
 * {@code sun.misc.Unsafe.invokeCleaner} from the {@code jdk.unsupported} module, which
 * needs no flags; where that is missing, mappings are left to the collector as before.
 * The caller guarantees no thread touches the buffer again.
 */
final class Unmapper {
    private static final MethodHandle INVOKE_CLEANER = invokeCleaner();

    private Unmapper() {
    }

    /** True when mappings can be unmapped at once here. */
    static boolean available() {
        return INVOKE_CLEANER != null;
    }

    static void unmap(MappedByteBuffer mapping) {
        if (INVOKE_CLEANER == null) {
            return;
        }
        try {
            INVOKE_CLEANER.invokeExact((ByteBuffer) mapping);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    private static MethodHandle invokeCleaner() {
        try {
            Class<?> unsafeClass = Class.forName("sun.misc.Unsafe");
            Field field = unsafeClass.getDeclaredField("theUnsafe");
            field.setAccessible(true);
            return MethodHandles.lookup()
                .findVirtual(unsafeClass, "invokeCleaner", MethodType.methodType(void.class, ByteBuffer.class))
                .bindTo(field.get(null));
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }
}
