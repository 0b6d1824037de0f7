package dev.cdm.cli.command;

import dev.cdm.cli.CliFailure;
import dev.cdm.cli.ExitCodes;
import dev.cdm.cli.auth.Login;
import dev.cdm.cli.auth.Session;
import dev.cdm.cli.auth.SessionFile;
import java.io.Console;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "login", mixinStandardHelpOptions = true,
        description = {"Logs in at the platform's Keycloak (realm cdm) and keeps the tokens in <data>/auth/session.json"
                + " (mode 0600); every later command sends them, refreshed as they expire.",
                "Asks for what --user and --password do not give when a terminal is attached; with --device the"
                        + " person confirms the login in a browser instead, on this or any other device."})
public final class LoginCommand extends CliCommand implements Callable<Integer> {

    @Option(names = "--user", paramLabel = "USER", description = "The user name.")
    String user;

    @Option(names = "--password", paramLabel = "PASSWORD", arity = "0..1", interactive = true,
            description = "The password (without a value: asked for without echo).")
    char[] password;

    @Option(names = "--device", description = "Log in in a browser (OAuth device authorization grant): prints a"
            + " URL and a code, and waits until the login is confirmed there. No password passes through the CLI.")
    boolean device;

    @Option(names = "--issuer", paramLabel = "URL",
            description = "The realm to log in at (default: the running platform's, else $CDM_OIDC_URL, else"
                    + " " + Login.DEFAULT_ISSUER + ").")
    String issuer;

    @Override
    public Integer call() {
        Login login = new Login(SessionFile.in(root().dataDir()), trust());
        String realm = Login.issuerFor(issuer, root().dataDir(), root().env());
        Session session = device ? logInOnDevice(login, realm) : logInWithPassword(login, realm);
        out().println("Logged in as " + session.user() + " at " + session.issuer() + " (token valid until "
                + session.expiresAt() + ", refreshed as needed).");
        return ExitCodes.OK;
    }

    private Session logInOnDevice(Login login, String realm) {
        if (user != null || password != null) {
            throw new CliFailure(ExitCodes.USAGE, "--device logs in in a browser: give it without --user and"
                    + " --password");
        }
        return login.logInOnDevice(realm, authorization -> {
            out().println("To log in, open " + authorization.verificationUri() + " and enter the code "
                    + authorization.userCode());
            if (authorization.verificationUriComplete() != null) {
                out().println("  (or open " + authorization.verificationUriComplete() + ", which carries the code)");
            }
            out().println("Waiting for the login (the code is valid for " + authorization.expiresIn().toMinutes()
                    + " minutes)...");
            out().flush();
        });
    }

    private Session logInWithPassword(Login login, String realm) {
        Console console = System.console();
        String name = user;
        if (name == null || name.isBlank()) {
            name = console == null ? null : console.readLine("User: ");
        }
        char[] secret = password;
        if (secret == null || secret.length == 0) {
            secret = console == null ? null : console.readPassword("Password for %s: ", name);
        }
        if (name == null || name.isBlank() || secret == null || secret.length == 0) {
            throw new CliFailure(ExitCodes.USAGE, "Give --user and --password, or --device (no terminal to ask"
                    + " on)");
        }
        return login.logIn(realm, name, new String(secret));
    }
}
