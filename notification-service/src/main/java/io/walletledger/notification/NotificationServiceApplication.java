package io.walletledger.notification;

import io.micronaut.runtime.Micronaut;

public final class NotificationServiceApplication {

    private NotificationServiceApplication() {
    }

    public static void main(String[] args) {
        Micronaut.run(NotificationServiceApplication.class, args);
    }
}
