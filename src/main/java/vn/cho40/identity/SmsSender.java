package vn.cho40.identity;

/** The port through which one-time codes reach a phone. */
public interface SmsSender {

    void send(String phone, String text);

    /** False when no message can reach a phone (a real server without an SMS gateway): no code is made then. */
    default boolean available() {
        return true;
    }
}
