package dev.cdm.cli;

import dev.cdm.cli.command.AnalyticsCommand;
import dev.cdm.cli.command.AuditCommand;
import dev.cdm.cli.command.ConsentCommand;
import dev.cdm.cli.command.DsrCommand;
import dev.cdm.cli.command.DownCommand;
import dev.cdm.cli.command.ExportLinksCommand;
import dev.cdm.cli.command.ImportCommand;
import dev.cdm.cli.command.IngestCommand;
import dev.cdm.cli.command.InteractionCommand;
import dev.cdm.cli.command.LoginCommand;
import dev.cdm.cli.command.LogoutCommand;
import dev.cdm.cli.command.ProfileCommand;
import dev.cdm.cli.command.PurchaseCommand;
import dev.cdm.cli.command.RejectsCommand;
import dev.cdm.cli.command.ReplayCommand;
import dev.cdm.cli.command.StatusCommand;
import dev.cdm.cli.command.UpCommand;
import dev.cdm.cli.platform.PlatformLayout;
import java.nio.file.Path;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/** The root command: holds what every subcommand shares, the environment and the data directory. */
@Command(name = "cdm", mixinStandardHelpOptions = true, versionProvider = CdmCommand.Version.class,
        description = "Runs the local CDM platform and talks to its services over gRPC.",
        subcommands = {UpCommand.class, DownCommand.class, StatusCommand.class, LoginCommand.class,
                LogoutCommand.class, IngestCommand.class, PurchaseCommand.class, InteractionCommand.class,
                ImportCommand.class, RejectsCommand.class, ExportLinksCommand.class, ProfileCommand.class,
                ConsentCommand.class, DsrCommand.class, AuditCommand.class, AnalyticsCommand.class,
                ReplayCommand.class})
public final class CdmCommand implements Runnable {

    private final Map<String, String> env;

    @Spec
    private CommandSpec spec;

    @Option(names = "--data", paramLabel = "DIR", scope = ScopeType.INHERIT,
            description = "Data directory holding run/platform.json, logs and the stores "
                    + "(default: $CDM_DATA, else $CDM_HOME/data).")
    private Path dataDir;

    CdmCommand(Map<String, String> env) {
        this.env = Map.copyOf(env);
    }

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "Missing required subcommand");
    }

    public Map<String, String> env() {
        return env;
    }

    public PlatformLayout layout() {
        return PlatformLayout.fromEnvironment(env);
    }

    public Path dataDir() {
        if (dataDir != null) {
            return dataDir.toAbsolutePath().normalize();
        }
        String fromEnv = env.get("CDM_DATA");
        if (fromEnv != null && !fromEnv.isBlank()) {
            return Path.of(fromEnv).toAbsolutePath().normalize();
        }
        return layout().defaultDataDir();
    }

    /** {@code cdm --version}: the project version the jar was built from. */
    static final class Version implements IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"cdm " + PlatformLayout.version()};
        }
    }
}
