package com.propertyaudit.ui.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ControllerFactoryTest {

    public static final class NeedsTwo {
        final String text;
        final Integer number;

        public NeedsTwo(String text, Integer number) {
            this.text = text;
            this.number = number;
        }
    }

    public static final class NeedsMissing {
        public NeedsMissing(Double d) {}
    }

    public static final class TwoConstructors {
        public TwoConstructors() {}

        public TwoConstructors(String s) {}
    }

    @Test
    void buildsAControllerFromItsConstructorsParameterTypes() {
        Object built = new ControllerFactory("hello", 42).call(NeedsTwo.class);
        assertThat(built).isInstanceOf(NeedsTwo.class);
        assertThat(((NeedsTwo) built).text).isEqualTo("hello");
        assertThat(((NeedsTwo) built).number).isEqualTo(42);
    }

    @Test
    void namesTheCollaboratorThatIsMissing() {
        assertThatThrownBy(() -> new ControllerFactory("x").call(NeedsMissing.class))
                .hasMessageContaining("NeedsMissing needs a Double");
    }

    @Test
    void refusesAmbiguousConstructors() {
        assertThatThrownBy(() -> new ControllerFactory("x").call(TwoConstructors.class))
                .hasMessageContaining("exactly one public constructor");
    }
}
