package vn.cho40.identity;

/** The port through which one-time codes reach a phone. */
public interface SmsSender {

    void send(String phone, String text);
}
