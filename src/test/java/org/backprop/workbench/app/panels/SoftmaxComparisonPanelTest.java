package org.backprop.workbench.app.panels;

import javafx.beans.property.SimpleObjectProperty;
import javafx.stage.Stage;
import org.backprop.workbench.engine.Activation;
import org.backprop.workbench.engine.Layer;
import org.backprop.workbench.engine.Loss;
import org.backprop.workbench.engine.Network;
import org.backprop.workbench.explore.SoftmaxComparison.Result;
import org.backprop.workbench.io.NetworkDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.util.List;

import static org.backprop.workbench.app.panels.PanelFixtures.fx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

@ExtendWith(ApplicationExtension.class)
class SoftmaxComparisonPanelTest {
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @Test
    void showsEqualDeltaAndTheNaiveOverflowAtLargeLogitScale() {
        SimpleObjectProperty<NetworkDocument> doc = new SimpleObjectProperty<>(PanelFixtures.document());
        SoftmaxComparisonPanel panel = fx(() -> new SoftmaxComparisonPanel(doc));
        PanelFixtures.show(stage, panel.getView(), 1280, 800);

        Result atOne = panel.resultProperty().get();
        assertTrue(atOne.maxAbsDifference() < 1e-12, "δ^L differ by " + atOne.maxAbsDifference());
        assertEquals("", fx(panel::explanation));

        fx(() -> panel.setLogitScale(1e4));
        Result large = panel.resultProperty().get();
        assertFalse(Double.isFinite(large.naive().cost()), "naive cost " + large.naive().cost());
        assertTrue(Double.isFinite(large.fused().cost()), "fused cost " + large.fused().cost());
        assertTrue(panel.scaleSweepProperty().get().stream().anyMatch(p -> !Double.isFinite(p.naiveCost())));
    }

    /** The text of every label and button under {@code node}. */
    private static java.util.List<String> texts(javafx.scene.Node node) {
        java.util.List<String> out = new java.util.ArrayList<>();
        if (node instanceof javafx.scene.control.Labeled l) {
            out.add(l.getText());
        }
        if (node instanceof javafx.scene.Parent p) {
            for (javafx.scene.Node child : p.getChildrenUnmodifiable()) {
                out.addAll(texts(child));
            }
        }
        return out;
    }

    @Test
    void aLanguageSwitchRelabelsTheTitlesAndTheNextResultSpeaksChinese() {
        SimpleObjectProperty<NetworkDocument> doc = new SimpleObjectProperty<>(PanelFixtures.document());
        SoftmaxComparisonPanel panel = fx(() -> new SoftmaxComparisonPanel(doc));
        PanelFixtures.show(stage, panel.getView(), 1280, 800);
        assertTrue(fx(() -> texts(panel.getView())).contains(
                "Softmax, two ways: as the output activation, or fused into the loss"));
        try {
            fx(() -> org.backprop.workbench.i18n.Messages.setLocale(java.util.Locale.SIMPLIFIED_CHINESE));
            java.util.List<String> zh = fx(() -> texts(panel.getView()));
            assertTrue(zh.contains("softmax 的两种形式：作为输出激活函数，或融合进损失"), zh.toString());
            assertTrue(zh.contains("logit 缩放 s(_L)："), zh.toString());
            fx(() -> panel.setLogitScale(1e4));
            java.util.List<String> after = fx(() -> texts(panel.getView()));
            assertTrue(after.stream().anyMatch(t -> t.startsWith("在 s = ") && t.contains("朴素形式的 δᴸ 已不再有限")),
                    after.toString());
        } finally {
            fx(() -> org.backprop.workbench.i18n.Messages.setLocale(java.util.Locale.ENGLISH));
        }
    }

    @Test
    void aLanguageSwitchRewordsWhatIsAlreadyOnScreen() {
        // the cards, the verdict and the plot's axis say the new language at once, not at the next result
        SimpleObjectProperty<NetworkDocument> doc = new SimpleObjectProperty<>(PanelFixtures.document());
        SoftmaxComparisonPanel panel = fx(() -> new SoftmaxComparisonPanel(doc));
        PanelFixtures.show(stage, panel.getView(), 1280, 800);
        assertTrue(fx(() -> texts(panel.getView())).contains("Softmax activation + cross-entropy  (naive)"));
        try {
            fx(() -> org.backprop.workbench.i18n.Messages.setLocale(java.util.Locale.SIMPLIFIED_CHINESE));
            java.util.List<String> zh = fx(() -> texts(panel.getView()));
            assertTrue(zh.contains("softmax 激活 + 交叉熵（朴素）"), zh.toString());
            assertTrue(zh.stream().anyMatch(t -> t != null && t.startsWith("max |δᴸ_naive − δᴸ_fused| = ")
                    && t.endsWith("：在舍入误差内相等（double 约有 16 位有效数字）。")), zh.toString());
            assertTrue(zh.stream().noneMatch(t -> t != null && t.contains("equal up to rounding")), zh.toString());
            assertEquals("logit 缩放 s  （通过 wᴸ、bᴸ 使 zᴸ × s）", fx(() -> panel.plotForTest().getDomainAxis().getLabel()));

            // a network the comparison cannot take is explained in Chinese, with its numbers as they are
            NetworkDocument base = doc.get();
            Network one = Network.initialised(2, List.of(new Layer(3, Activation.SIGMOID),
                    new Layer(1, Activation.SIGMOID)), Loss.BINARY_CROSS_ENTROPY, 1);
            fx(() -> doc.set(base.withNetwork(one).withBatch(new org.backprop.workbench.engine.Batch(
                    base.batch().inputs(), new org.ejml.data.DMatrixRMaj(new double[][]{{1, 0, 1, 0}})))));
            assertEquals("这个比较需要一个分类器。\n\n输出层只有 1 个神经元；softmax 至少需要 2 个输出（每个类别一个）。"
                    + "请让最后一层有 2 个或更多神经元，例如 2-3-2 网络。\n\n比较时会替换输出层的激活函数和损失，保留所有权重。",
                    fx(panel::explanation));
            fx(() -> org.backprop.workbench.i18n.Messages.setLocale(java.util.Locale.ENGLISH));
            assertTrue(fx(panel::explanation).startsWith("This comparison needs a classifier.\n\nThe output layer has 1 neuron;"),
                    fx(panel::explanation));
        } finally {
            fx(() -> org.backprop.workbench.i18n.Messages.setLocale(java.util.Locale.ENGLISH));
        }
    }

    @Test
    void showsTheSigmoidPairAsASecondComparison() {
        SimpleObjectProperty<NetworkDocument> doc = new SimpleObjectProperty<>(PanelFixtures.document());
        SoftmaxComparisonPanel panel = fx(() -> new SoftmaxComparisonPanel(doc));
        PanelFixtures.show(stage, panel.getView(), 1280, 800);

        Result atOne = panel.sigmoidResultProperty().get();
        assertEquals(Loss.BINARY_CROSS_ENTROPY, atOne.naive().network().loss());
        assertEquals(Loss.SIGMOID_CROSS_ENTROPY, atOne.fused().network().loss());
        assertTrue(atOne.maxAbsDifference() < 1e-12, "δ^L differ by " + atOne.maxAbsDifference());

        fx(() -> panel.setLogitScale(1e5));
        Result large = panel.sigmoidResultProperty().get();
        assertTrue(large.naive().maxAbsDelta() != large.naive().maxAbsDelta()
                || Double.isInfinite(large.naive().maxAbsDelta()), "activation view " + large.naive().maxAbsDelta());
        assertTrue(Double.isFinite(large.fused().maxAbsDelta()), "fused " + large.fused().maxAbsDelta());
        assertTrue(fx(() -> panel.getView().lookupAll(".label").stream().map(n -> ((javafx.scene.control.Label) n).getText())
                .anyMatch(t -> t != null && t.contains("overflows once |zᴸ| passes about 709.8"))));
    }

    @Test
    void aNetworkWithOneOutputIsExplained() {
        NetworkDocument base = PanelFixtures.document();
        Network one = Network.initialised(2, List.of(new Layer(3, Activation.SIGMOID), new Layer(1, Activation.SIGMOID)),
                Loss.BINARY_CROSS_ENTROPY, 1);
        NetworkDocument single = base.withNetwork(one).withBatch(new org.backprop.workbench.engine.Batch(
                base.batch().inputs(), new org.ejml.data.DMatrixRMaj(new double[][]{{1, 0, 1, 0}})));
        SimpleObjectProperty<NetworkDocument> doc = new SimpleObjectProperty<>(base);
        SoftmaxComparisonPanel panel = fx(() -> new SoftmaxComparisonPanel(doc));
        PanelFixtures.show(stage, panel.getView(), 1280, 800);

        fx(() -> doc.set(single));
        assertTrue(fx(panel::explanation).contains("at least 2 outputs"), fx(panel::explanation));
        assertNull(panel.resultProperty().get());

        fx(() -> doc.set(base));
        assertEquals("", fx(panel::explanation));
    }
}
