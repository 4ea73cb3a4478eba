package vn.cho40.identity;

/**
 * A real server without {@code CHO40_SMS_URL}: nothing can carry a code to a phone, so none is made, and none is
 * written to the log either (whoever reads the log could log in as any trader). Trader login by code is off.
 */
final class NoSmsGateway implements SmsSender {

    @Override
    public boolean available() {
        return false;
    }

    @Override
    public void send(String phone, String text) {
        throw new IllegalStateException("no SMS gateway: OneTimeCodes makes no code without one");
    }
}
