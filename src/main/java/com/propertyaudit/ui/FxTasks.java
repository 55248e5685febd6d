package com.propertyaudit.ui;

import com.propertyaudit.report.FileProblems;
import com.propertyaudit.ui.common.Background;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import javafx.concurrent.Task;

/** Background work with its result or error handed back on the FX thread; nothing blocks the UI. */
public final class FxTasks implements Background {

    private static final ExecutorService POOL = Executors.newFixedThreadPool(2, r -> {
        Thread t = new Thread(r, "ui-background");
        t.setDaemon(true);
        return t;
    });

    @Override
    public <T> void run(Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onError) {
        Task<T> task = new Task<>() {
            @Override
            protected T call() throws Exception {
                return work.call();
            }
        };
        task.setOnSucceeded(e -> onSuccess.accept(task.getValue()));
        task.setOnFailed(e -> onError.accept(task.getException()));
        POOL.execute(task);
    }

    /** A message for an error dialog: the exception's own sentence, or its type when it has none. */
    public static String describe(Throwable t) {
        String file = FileProblems.describe(t);
        if (file != null) return file + ": choose another file or folder.";
        Throwable root = t;
        while (root.getCause() != null && (root.getMessage() == null || root instanceof java.io.UncheckedIOException)) {
            root = root.getCause();
        }
        return root.getMessage() != null ? root.getMessage() : root.toString();
    }
}
