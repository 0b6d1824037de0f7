package dev.cdm.bench;

import dev.cdm.bench.report.Numbers;
import picocli.CommandLine.ITypeConverter;

/** Lets options take counts as "1000000", "1_000_000", "100k" or "1M". */
public final class CountConverter implements ITypeConverter<Long> {

    @Override
    public Long convert(String value) {
        return Numbers.parseCount(value);
    }
}
