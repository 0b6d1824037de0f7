package dev.cdm.profile.activity;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;

/** Amounts as a currency writes them: with at least its minor digits ("12.50 EUR", "1200 JPY"). */
public final class Amounts {

    private Amounts() {
    }

    public static String format(BigDecimal amount, String currency) {
        BigDecimal exact = amount.stripTrailingZeros();
        return exact.setScale(Math.max(digits(currency), exact.scale()), RoundingMode.UNNECESSARY).toPlainString();
    }

    static int digits(String currency) {
        return Math.max(Currency.getInstance(currency).getDefaultFractionDigits(), 0);
    }
}
