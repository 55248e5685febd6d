package com.propertyaudit.ui.common;

import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * Where view models send work that may block (the store, files): off the FX thread in the app,
 * on the calling thread in view-model tests. Results and errors come back on the FX thread.
 */
public interface Background {

    <T> void run(Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onError);

    /** Runs the work at once on the calling thread: for tests. */
    static Background direct() {
        return new Background() {
            @Override
            public <T> void run(Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onError) {
                T value;
                try {
                    value = work.call();
                } catch (Exception e) {
                    onError.accept(e);
                    return;
                }
                onSuccess.accept(value);
            }
        };
    }
}
