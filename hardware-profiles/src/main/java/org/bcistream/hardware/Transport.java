package org.bcistream.hardware;

/** The physical or software link between a device and the host. */
public enum Transport {
    USB,
    USB_SERIAL_DONGLE,
    BLUETOOTH,
    BLE,
    RF_PROPRIETARY,
    WIFI,
    ETHERNET,
    OPTICAL_FIBRE,
    PXIE,
    NETWORK_OSC,
    IN_PROCESS
}
