package org.taar.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Which addresses a feed may live on: public ones only, unless the source is trusted. */
class AddressPolicyTest {
    @ParameterizedTest
    @ValueSource(strings = {"10.0.0.1", "10.255.255.255", "172.16.0.1", "172.31.255.254", "192.168.1.1",
            "127.0.0.1", "127.8.8.8", "169.254.169.254", "0.0.0.0", "100.64.0.1", "100.127.255.255",
            "224.0.0.1", "255.255.255.255", "::1", "::", "fe80::1", "fc00::1", "fd12:3456::1", "ff02::1",
            "::ffff:10.0.0.1", "::ffff:127.0.0.1", "2002:c0a8:0101::1", "64:ff9b::a00:1", "fec0::1"})
    void nonPublicAddressesAreRefused(String address) throws Exception {
        assertThat(AddressPolicy.isPublic(InetAddress.getByName(address))).as(address).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"8.8.8.8", "1.1.1.1", "93.184.216.34", "172.15.255.255", "172.32.0.1",
            "100.63.255.255", "100.128.0.1", "192.169.0.1", "2606:4700:4700::1111", "2001:4860:4860::8888",
            "::ffff:8.8.8.8", "2002:0808:0808::1"})
    void publicAddressesAreAllowed(String address) throws Exception {
        assertThat(AddressPolicy.isPublic(InetAddress.getByName(address))).as(address).isTrue();
    }

    @Test
    void refusalNamesTheAddressAndItsKind() {
        assertThatThrownBy(() -> AddressPolicy.resolve("169.254.169.254", AddressPolicy.PUBLIC_ONLY))
                .isInstanceOf(AddressPolicy.RefusedAddressException.class)
                .hasMessageContaining("169.254.169.254").hasMessageContaining("link-local");
        assertThatThrownBy(() -> AddressPolicy.resolve("[fc00::5]", AddressPolicy.PUBLIC_ONLY))
                .hasMessageContaining("unique-local");
    }

    @Test
    void trustedSourcesMayUsePrivateAddresses() throws Exception {
        assertThat(AddressPolicy.resolve("10.1.2.3", AddressPolicy.ANY)).hasSize(1);
    }
}
