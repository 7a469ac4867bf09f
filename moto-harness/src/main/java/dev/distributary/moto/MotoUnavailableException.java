package dev.distributary.moto;

/** moto server could not be started or reached; the message says what to do. */
public final class MotoUnavailableException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /**
     * How to get it: the project's helper installs moto in a private virtual environment (which
     * works where pip refuses system-wide installs) that {@link MotoServer#start()} finds too.
     */
    public static final String INSTALL =
            "scripts/moto.sh in the repository (it installs moto[server]==5.2.1 into " + MotoServer.PRIVATE_VENV
                    + ", where the tests and ./distributary find it), or put moto_server 5.2.1 on the PATH";

    public MotoUnavailableException(String message) {
        super(message);
    }

    public MotoUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
