package dev.cdm.kernel.events;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the component that names whose personal data the object carries: every {@link PersonalData} value in that
 * object (nested ones included) is stored encrypted with that data subject's key, and becomes unreadable once the
 * key is destroyed (crypto-shredding).
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT, ElementType.PARAMETER, ElementType.METHOD})
public @interface DataSubject {
}
