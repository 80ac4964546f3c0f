package io.walletledger.servicekit.secrets;

import io.micronaut.context.annotation.ConfigurationProperties;

import java.util.HashMap;
import java.util.Map;

/** {@code ledger.secrets.*}: the keys that encrypt secrets at rest (second-factor and webhook signing secrets). */
@ConfigurationProperties("ledger.secrets")
public class SecretsSettings {

    private String activeKeyId;
    private String activeKey;
    private Map<String, String> previousKeys = new HashMap<>();

    public String getActiveKeyId() {
        return activeKeyId;
    }

    public void setActiveKeyId(String activeKeyId) {
        this.activeKeyId = activeKeyId;
    }

    public String getActiveKey() {
        return activeKey;
    }

    public void setActiveKey(String activeKey) {
        this.activeKey = activeKey;
    }

    public Map<String, String> getPreviousKeys() {
        return previousKeys;
    }

    public void setPreviousKeys(Map<String, String> previousKeys) {
        this.previousKeys = previousKeys;
    }
}
