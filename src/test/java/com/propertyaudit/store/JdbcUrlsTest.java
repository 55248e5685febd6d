package com.propertyaudit.store;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class JdbcUrlsTest {

    @Test
    void aPasswordInTheUrlIsMaskedAndHandedOverApart() {
        String url = "jdbc:postgresql://db.agency.example:5432/audits?user=ana&password=s%3Fcret&sslmode=require";
        assertThat(JdbcUrls.masked(url))
                .isEqualTo("jdbc:postgresql://db.agency.example:5432/audits?user=ana&password=***&sslmode=require");
        assertThat(JdbcUrls.password(url)).isEqualTo("s?cret");
        assertThat(JdbcUrls.withoutPassword(url))
                .isEqualTo("jdbc:postgresql://db.agency.example:5432/audits?user=ana&sslmode=require");
        assertThat(JdbcUrls.withoutPassword("jdbc:postgresql://h/db?PASSWORD=x&ssl=true"))
                .isEqualTo("jdbc:postgresql://h/db?ssl=true");
        assertThat(JdbcUrls.maskIn("cannot open jdbc:postgresql://h/db?password=x (refused)"))
                .isEqualTo("cannot open jdbc:postgresql://h/db?password=*** (refused)");
        assertThat(JdbcUrls.password("jdbc:postgresql://h/db")).isNull();
    }
}
