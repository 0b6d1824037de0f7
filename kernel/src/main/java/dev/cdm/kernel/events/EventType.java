package dev.cdm.kernel.events;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The stable name under which an event is stored. It outlives the Java class: a class may be moved or renamed,
 * the name may not. Change the shape of an event with a new {@code @Revision} and an upcaster.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface EventType {
    String value();
}
