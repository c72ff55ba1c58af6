package org.bcistream.hardware;

/** The physical or software link between a device and the host. */
public enum Transport {
    /** Direct USB connection to the amplifier or its receiver box. */
    USB,
    /** Radio link to a USB dongle that appears as a serial port (e.g. OpenBCI's RFduino/FTDI dongle). */
    USB_SERIAL_DONGLE,
    /** Bluetooth Classic (serial port profile), with or without a vendor dongle. */
    BLUETOOTH,
    /** Bluetooth Low Energy, native or through a BLED112-style dongle. */
    BLE,
    /** Vendor-specific radio (e.g. Emotiv's 2.4 GHz receiver). */
    RF_PROPRIETARY,
    /** Wi-Fi (e.g. OpenBCI WiFi shield, Enobio). */
    WIFI,
    /** Wired network, e.g. UDP packets from a Blackrock NSP. */
    ETHERNET,
    /** Optical fibre from the amplifier to a receiver (BioSemi, Blackrock front end). */
    OPTICAL_FIBRE,
    /** PXIe or similar acquisition chassis (Neuropixels). */
    PXIE,
    /** OSC messages over the local network (Neurosity devices through BrainFlow). */
    NETWORK_OSC,
    /** Generated inside the host process (synthetic boards). */
    IN_PROCESS
}
