package org.apache.camel.component.audiosocket.server;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;

/**
 * The client addresses a server accepts: single addresses and CIDR blocks, IPv4 and IPv6. An empty list accepts any
 * address.
 */
public final class ClientAllowlist {

    private record Block(byte[] network, int prefixBits) {
        boolean contains(byte[] address) {
            if (address.length != network.length) {
                return false;
            }
            int fullBytes = prefixBits / 8;
            for (int i = 0; i < fullBytes; i++) {
                if (address[i] != network[i]) {
                    return false;
                }
            }
            int restBits = prefixBits % 8;
            if (restBits == 0) {
                return true;
            }
            int mask = 0xff << (8 - restBits) & 0xff;
            return (address[fullBytes] & mask) == (network[fullBytes] & mask);
        }
    }

    private final List<Block> blocks;
    private final String text;

    private ClientAllowlist(List<Block> blocks, String text) {
        this.blocks = blocks;
        this.text = text;
    }

    /**
     * Parses a comma-separated list such as {@code 10.0.0.0/8, 192.168.1.7, fd00::/8}. Only literal addresses are
     * accepted (no host names, so that no lookup happens).
     *
     * @throws IllegalArgumentException naming the entry that is not an address or block
     */
    public static ClientAllowlist parse(String list) {
        List<Block> blocks = new ArrayList<>();
        if (list != null) {
            for (String entry : list.split(",")) {
                String trimmed = entry.trim();
                if (!trimmed.isEmpty()) {
                    blocks.add(block(trimmed));
                }
            }
        }
        return new ClientAllowlist(blocks, list == null ? "" : list.trim());
    }

    /** True when the list is empty (any address) or holds a block containing the address. */
    public boolean allows(InetAddress address) {
        if (blocks.isEmpty()) {
            return true;
        }
        byte[] bytes = address.getAddress();
        for (Block block : blocks) {
            if (block.contains(bytes)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String toString() {
        return text.isEmpty() ? "any" : text;
    }

    private static Block block(String entry) {
        int slash = entry.indexOf('/');
        String address = slash < 0 ? entry : entry.substring(0, slash);
        if (!address.matches("[0-9a-fA-F:.]+")) {
            throw new IllegalArgumentException("allowedClients entry '" + entry + "' is not an IP address or CIDR block");
        }
        byte[] network;
        try {
            network = InetAddress.getByName(address).getAddress(); // a literal: no lookup
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("allowedClients entry '" + entry + "' is not an IP address", e);
        }
        int bits = network.length * 8;
        int prefix = bits;
        if (slash >= 0) {
            try {
                prefix = Integer.parseInt(entry.substring(slash + 1).trim());
            } catch (NumberFormatException e) {
                prefix = -1;
            }
            if (prefix < 0 || prefix > bits) {
                throw new IllegalArgumentException("allowedClients entry '" + entry + "' has a prefix outside 0-" + bits);
            }
        }
        return new Block(network, prefix);
    }
}
