package com.propertyaudit.ui.common;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.util.ArrayList;
import java.util.List;
import javafx.util.Callback;

/**
 * Builds the controllers named in FXML files by constructor injection: a controller has one
 * public constructor, and each of its parameters is filled with the registered collaborator of
 * that type. No field injection and no service locator inside the controllers.
 */
public final class ControllerFactory implements Callback<Class<?>, Object> {

    private final List<Object> collaborators = new ArrayList<>();

    public ControllerFactory(Object... collaborators) {
        this.collaborators.addAll(List.of(collaborators));
    }

    /** Adds a collaborator controllers may ask for. */
    public ControllerFactory with(Object collaborator) {
        collaborators.add(collaborator);
        return this;
    }

    @Override
    public Object call(Class<?> type) {
        Constructor<?>[] constructors = type.getConstructors();
        if (constructors.length != 1) {
            throw new IllegalStateException(type.getName() + " must have exactly one public constructor");
        }
        Constructor<?> c = constructors[0];
        Object[] args = new Object[c.getParameterCount()];
        Class<?>[] params = c.getParameterTypes();
        for (int i = 0; i < params.length; i++) args[i] = resolve(type, params[i]);
        try {
            return c.newInstance(args);
        } catch (InvocationTargetException e) {
            throw new IllegalStateException("Could not build " + type.getSimpleName(), e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Could not build " + type.getSimpleName(), e);
        }
    }

    private Object resolve(Class<?> controller, Class<?> wanted) {
        for (Object o : collaborators) {
            if (wanted.isInstance(o)) return o;
        }
        throw new IllegalStateException(controller.getSimpleName() + " needs a " + wanted.getSimpleName()
                + ", which is not registered");
    }
}
