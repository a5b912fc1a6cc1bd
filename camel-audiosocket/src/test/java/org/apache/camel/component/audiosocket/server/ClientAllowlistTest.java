package org.apache.camel.component.audiosocket.server;

import java.net.InetAddress;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Addresses and CIDR blocks, IPv4 and IPv6, and what is not one. */
class ClientAllowlistTest {

    @Test
    void emptyListAllowsAnyone() throws Exception {
        assertTrue(ClientAllowlist.parse(null).allows(InetAddress.getByName("203.0.113.9")));
        assertTrue(ClientAllowlist.parse(" ").allows(InetAddress.getByName("::1")));
    }

    @Test
    void blocksAndAddresses() throws Exception {
        ClientAllowlist list = ClientAllowlist.parse("10.0.0.0/8, 192.168.1.7, 172.16.0.0/12, fd00::/8, ::1");
        assertTrue(list.allows(InetAddress.getByName("10.255.1.2")));
        assertFalse(list.allows(InetAddress.getByName("11.0.0.1")));
        assertTrue(list.allows(InetAddress.getByName("192.168.1.7")));
        assertFalse(list.allows(InetAddress.getByName("192.168.1.8")));
        assertTrue(list.allows(InetAddress.getByName("172.31.255.255")));
        assertFalse(list.allows(InetAddress.getByName("172.32.0.0")));
        assertTrue(list.allows(InetAddress.getByName("fd12:3456::1")));
        assertFalse(list.allows(InetAddress.getByName("fe80::1")));
        assertTrue(list.allows(InetAddress.getByName("::1")));
        assertFalse(list.allows(InetAddress.getByName("127.0.0.1")), "IPv4 loopback is not ::1");
    }

    @Test
    void prefixesAtTheEdges() throws Exception {
        assertTrue(ClientAllowlist.parse("0.0.0.0/0").allows(InetAddress.getByName("8.8.8.8")));
        assertTrue(ClientAllowlist.parse("10.1.2.3/32").allows(InetAddress.getByName("10.1.2.3")));
        assertFalse(ClientAllowlist.parse("10.1.2.3/32").allows(InetAddress.getByName("10.1.2.2")));
        assertTrue(ClientAllowlist.parse("10.1.2.128/25").allows(InetAddress.getByName("10.1.2.200")));
        assertFalse(ClientAllowlist.parse("10.1.2.128/25").allows(InetAddress.getByName("10.1.2.127")));
    }

    @Test
    void whatIsNotAnAddressIsRefusedWithItsName() {
        assertThrows(IllegalArgumentException.class, () -> ClientAllowlist.parse("10.0.0.0/33"), "prefix");
        IllegalArgumentException name = assertThrows(IllegalArgumentException.class,
                () -> ClientAllowlist.parse("10.0.0.0/8, pbx.example.com"));
        assertTrue(name.getMessage().contains("pbx.example.com"), name.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ClientAllowlist.parse("10.0.0.0/x"));
    }
}
