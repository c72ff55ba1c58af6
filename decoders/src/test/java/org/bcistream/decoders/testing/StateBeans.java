package org.bcistream.decoders.testing;

import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;

/**
 * Treats stage state objects the way Flink's POJO serializer does: through their public no-arg constructor
 * and a getter/setter pair per field. A deep copy made this way and continued gives the same output as the
 * original only if the state object holds everything the stage needs, i.e. the state is complete.
 */
public final class StateBeans {
    private StateBeans() {}

    /** Deep copy through getters and setters; primitive arrays are cloned, nested states copied the same way. */
    public static <T> T copy(T state) {
        @SuppressWarnings("unchecked") // the class of a T is a Class<? extends T>
        Class<T> type = (Class<T>) state.getClass();
        try {
            T copy = type.getConstructor().newInstance();
            for (Field field : instanceFields(type)) {
                Object value = getter(type, field).invoke(state);
                setter(type, field).invoke(copy, copyValue(value));
            }
            return copy;
        } catch (ReflectiveOperationException e) {
            throw new AssertionError("state " + type.getName() + " is not a copyable POJO: " + e, e);
        }
    }

    /**
     * Fails unless {@code type} follows the Flink POJO rules this project keeps for state: public class,
     * public no-arg constructor, every instance field private with a public getter and setter, field types
     * primitive, 1-D primitive array, String or another such state class.
     */
    public static void assertFlinkPojo(Class<?> type) {
        require(Modifier.isPublic(type.getModifiers()), type, "is not public");
        try {
            Constructor<?> constructor = type.getConstructor();
            require(Modifier.isPublic(constructor.getModifiers()), type, "has no public no-arg constructor");
        } catch (NoSuchMethodException e) {
            throw new AssertionError(type.getName() + " has no public no-arg constructor", e);
        }
        for (Field field : instanceFields(type)) {
            require(!Modifier.isFinal(field.getModifiers()), type, "field " + field.getName() + " is final");
            try {
                getter(type, field);
                setter(type, field);
            } catch (NoSuchMethodException e) {
                throw new AssertionError(type.getName() + " field " + field.getName() + " lacks a public getter/setter", e);
            }
            Class<?> fieldType = field.getType();
            boolean allowed = fieldType.isPrimitive() || fieldType == String.class
                    || (fieldType.isArray() && fieldType.getComponentType().isPrimitive());
            if (!allowed) {
                assertFlinkPojo(fieldType);
            }
        }
    }

    private static Object copyValue(Object value) {
        if (value instanceof double[] a) {
            return a.clone();
        } else if (value instanceof float[] a) {
            return a.clone();
        } else if (value instanceof long[] a) {
            return a.clone();
        } else if (value instanceof int[] a) {
            return a.clone();
        } else if (value instanceof boolean[] a) {
            return a.clone();
        } else if (value == null || value instanceof String || value instanceof Number || value instanceof Boolean) {
            return value;
        }
        return copy(value);
    }

    private static Field[] instanceFields(Class<?> type) {
        return java.util.Arrays.stream(type.getDeclaredFields())
                .filter(f -> !Modifier.isStatic(f.getModifiers()) && !f.isSynthetic())
                .toArray(Field[]::new);
    }

    private static Method getter(Class<?> type, Field field) throws NoSuchMethodException {
        String suffix = Character.toUpperCase(field.getName().charAt(0)) + field.getName().substring(1);
        try {
            return type.getMethod("get" + suffix);
        } catch (NoSuchMethodException e) {
            if (field.getType() == boolean.class) {
                return type.getMethod("is" + suffix);
            }
            throw e;
        }
    }

    private static Method setter(Class<?> type, Field field) throws NoSuchMethodException {
        String suffix = Character.toUpperCase(field.getName().charAt(0)) + field.getName().substring(1);
        return type.getMethod("set" + suffix, field.getType());
    }

    private static void require(boolean condition, Class<?> type, String problem) {
        if (!condition) {
            throw new AssertionError(type.getName() + " " + problem);
        }
    }
}
